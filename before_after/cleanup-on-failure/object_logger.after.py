"""Shaped like irc3's plugins/fifo.py: create_fifo() logs through self.context.log, the
bot's logger; the failing cleanup logs with it too, with no new import."""
import os


class Fifo:
    def __init__(self, context, loop):
        self.context = context
        self.loop = loop

    def create_fifo(self, path, channel):
        if not os.path.exists(path):
            os.mkfifo(path)
        fd = os.open(path, os.O_RDWR | os.O_NONBLOCK)
        try:
            self.loop.add_reader(fd, self.watch_fd, fd, channel)
            self.context.log.debug("%s's fifo is %s %r",
                                   channel or ':raw', path, fd)
        except BaseException:
            try:
                os.close(fd)
            except Exception:
                self.context.log.exception(
                    'Cleanup after a failed create_fifo() failed')
            raise
        return fd

    def watch_fd(self, fd, channel):
        return os.read(fd, 1024)
