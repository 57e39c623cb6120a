# case: ignores nothing after the file is opened can fail: registering the object's close() with atexit only appends to a list
"""zaza's events logging plugin: WriterFile.__init__() opens its log file, then keeps a flag
and registers its own close() to run at exit."""
import atexit
import os


class WriterFile:

    def __init__(self, writer_name, filename, delete=True):
        self.writer_ = writer_name
        self.filename = filename
        self.handle = open(filename, "w+t")
        self.delete = delete
        atexit.register(self.close)

    def close(self):
        """Close the associated handle."""
        if self.handle is not None:
            self.handle.flush()
            self.handle.close()
            self.handle = None
        if self.delete:
            os.remove(self.filename)
