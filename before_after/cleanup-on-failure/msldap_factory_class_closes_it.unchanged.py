# case: unsafe
# case: refuses when from_file() fails after snapshot.filehandle is made, the caller gets no object to release it with
"""Shaped like msldap's Snapshot.from_file() (msldap/commons/adexplorer.py), in a class
that closes the file in close(): a failed parse() leaves the caller no object to call
close() on."""


class Snapshot:
    def __init__(self):
        self.filehandle = None

    @classmethod
    async def from_file(cls, filename):
        snapshot = cls()
        snapshot.filehandle = open(filename, "rb")
        await snapshot.parse()
        return snapshot

    async def parse(self):
        self.filehandle.seek(0)

    def close(self):
        self.filehandle.close()
