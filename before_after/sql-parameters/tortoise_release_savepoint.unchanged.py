# case: refuses a savepoint's name formatted in: an identifier
"""Shaped like tortoise-orm's sqlite client (backends/sqlite/client.py): RELEASE takes a
savepoint's name with the word SAVEPOINT left out, as SQLite allows."""


class TransactionWrapper:
    async def release_savepoint(self) -> None:
        if self._savepoint is None:
            raise RuntimeError("No savepoint to release")
        await self._connection.execute(f"RELEASE {self._savepoint}")
