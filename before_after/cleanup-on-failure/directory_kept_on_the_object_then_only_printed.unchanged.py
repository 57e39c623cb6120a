# case: ignores nothing after the directory is made can fail: printing or logging where it is, and plain assignments, are not failing steps
"""nectar-osc's mailout command: setup() makes the directory the mailout is prepared in,
keeps it on the object and tells the user where it is; only plain assignments follow."""
import logging
import os
import tempfile

LOG = logging.getLogger(__name__)


class Mailout:

    def setup(self, args):
        self.check_args(args)
        if not os.path.isdir(self.work_dir):
            os.makedirs(self.work_dir)
        self.mailout_dir = tempfile.mkdtemp(dir=self.work_dir)
        print(f"Mailout will be prepared in directory {self.mailout_dir}")
        self.count = 0

    def prepare(self):
        self.scratch_dir = tempfile.mkdtemp(prefix="mailout-")
        LOG.debug("Scratch files go to %s", self.scratch_dir)
        self.log.info("Prepared in %s", self.scratch_dir, extra=None)
        self.count = self.start
