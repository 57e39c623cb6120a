# case: unsafe
import logging
import socket


class Device:

    def create(self):
        self.link = make_link()

    def delete(self):
        drop_link(self.link)


class Bridge(Device):

    def create(self):
        super().create()
        try:
            self.events = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW)
            self.events.bind((0, 0))
        except BaseException:
            try:
                super().delete()
            except Exception:
                logging.getLogger(__name__).exception(
                    'Cleanup after a failed create() failed')
            raise
