# case: unsafe
# case: formatter ruff
"""Shaped like papis's database/sqlite.py (a log call too long for its line),
here in a project ruff format gates (line length 79): the call breaks after
its opening bracket, the arguments together on a line of their own, as ruff
format writes it (one per line, with the magic comma, where they do not fit
together), not the second argument aligned under the first."""

import logging
import sqlite3

logger = logging.getLogger(__name__)


class Database:
    def __init__(self, cache_file_name):
        self.connection = sqlite3.connect(cache_file_name)

    def _finalize_connection(self) -> None:
        if "connection" in self.__dict__:
            try:
                # NOTE: ensure that the WAL files are written back
                self.connection.execute("PRAGMA wal_checkpoint(TRUNCATE);")
            except Exception:
                logger.debug(
                    "Ignoring exception in Database._finalize_connection()",
                    exc_info=True,
                )

            self.connection.commit()
            self.connection.close()

    def _vacuum(self) -> None:
        if "connection" in self.__dict__:
            try:
                self.connection.execute("VACUUM;")
            except Exception:
                logger.debug(
                    "Ignoring exception in Database._vacuum()", exc_info=True
                )
