# case: refuses self.mailout_dir stays on the object after a failure
"""nectar-osc's mailout command, with a listing logged after the directory is made:
os.listdir() in the logging call's arguments can fail, so the step still counts."""
import logging
import os
import tempfile

LOG = logging.getLogger(__name__)


class Mailout:

    def setup(self, args):
        self.mailout_dir = tempfile.mkdtemp(dir=self.work_dir)
        LOG.info("Mailout directory holds %s", os.listdir(self.mailout_dir))
        self.count = 0
