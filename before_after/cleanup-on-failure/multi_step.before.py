# case: unsafe
import socket


class Device:

    def create(self):
        self.link = make_link()

    def delete(self):
        drop_link(self.link)


class Bridge(Device):

    def create(self):
        super().create()
        self.events = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW)
        self.events.bind((0, 0))
