# case: refuses is registered as a cleanup (self.addCleanup(...))
import shutil
import tempfile
import unittest


class UtilTest(unittest.TestCase):

    def setUp(self):
        self.tempdir = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.tempdir)
        make_tree(self.tempdir)
