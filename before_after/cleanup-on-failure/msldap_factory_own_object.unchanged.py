# case: unsafe
# case: refuses when from_file() fails after sn.filehandle is made, it closes itself as the half-made object, this function's own sn, is dropped, and no method of the class closes it anyway
"""Shaped like msldap's Snapshot.from_file() (msldap/commons/adexplorer.py): the factory
makes the object, opens its file and parses it; when parse() fails, the object, which
nothing else holds, is dropped with its file. No method of the class closes the file."""


class Snapshot:
    def __init__(self):
        self.filename = None
        self.filehandle = None
        self.header = None

    @staticmethod
    async def from_file(filename):
        sn = Snapshot()
        sn.filename = filename
        sn.filehandle = open(filename, "rb")
        await sn.parse()
        return sn

    async def parse(self):
        self.filehandle.seek(0)
        self.header = self.filehandle.read(16)
