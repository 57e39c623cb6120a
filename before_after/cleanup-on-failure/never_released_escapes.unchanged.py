# case: unsafe
# case: ignores a temporary directory kept on the object is in use after the function returns; with a report it says so
import tempfile


class Cache:
    def prepare(self):
        path = tempfile.mkdtemp()
        self.paths.append(path)
        fill(path)
