# case: unsafe
# case: refuses sn.filehandle stays on the object after a failure
"""Shaped like msldap's Snapshot.from_file() (msldap/commons/adexplorer.py), but the new
object is kept in a list of the module before parse() can fail: the object outlives the
failure, and its file with it."""

_snapshots = []


class Snapshot:
    def __init__(self):
        self.filehandle = None

    @staticmethod
    async def from_file(filename):
        sn = Snapshot()
        _snapshots.append(sn)
        sn.filehandle = open(filename, "rb")
        await sn.parse()
        return sn

    async def parse(self):
        self.filehandle.seek(0)
