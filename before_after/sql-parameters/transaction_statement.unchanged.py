# case: refuses a transaction statement with a value formatted in, where a quote in it ends the literal
"""Shaped like aiomysql's SAConnection: two-phase commit, the xid from the caller."""


class SAConnection:
    async def begin_twophase(self, xid):
        await self.execute("XA START %s", xid)

    async def prepare_twophase(self, xid):
        await self.execute("XA END '%s'" % xid)
        await self.execute("XA PREPARE '%s'" % xid)
