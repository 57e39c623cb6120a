"""yagmail 0.16.0's async_core/aio.py: an SMTP client's quit() is its teardown.

quit() sends QUIT and reads the answer as best it can, then closes the
connection in its own finally: a failed goodbye must not stop the close.
"""

# case: refuses best-effort teardown: quit() releases what it can
# case: unsafe
import logging

logger = logging.getLogger(__name__)


class RawAsyncSMTP:
    def __init__(self):
        self.reader = None
        self.writer = None

    async def quit(self) -> None:
        if self.writer is not None:
            try:
                self.writer.write(b"QUIT\r\n")
                await self.writer.drain()
                await self.read_response()
            except Exception:
                pass
            finally:
                self.close()


class IMAPSession:
    def logout(self):
        try:
            self.connection.send_command("LOGOUT")
            self.connection.read_reply()
        except Exception:
            pass
        self.connection = None
