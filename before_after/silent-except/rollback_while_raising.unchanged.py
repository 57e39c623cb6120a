# case: refuses a best-effort rollback while another error is raised
"""Shaped like peewee's asyncpg transaction: a failed commit leaves the transaction
failed, so the rollback raises too; the commit's error is raised."""
import logging

LOG = logging.getLogger(__name__)


class Transaction:
    def __exit__(self, exc_type, exc, tb):
        try:
            self.commit()
        except Exception:
            if self.outermost:
                self.callbacks.clear()
            try:
                self.rollback()
            except Exception:
                pass
            raise
