# case: unsafe
import socket

from example import netlib


class Bridge(netlib.Device):

    def create(self):
        super().create()
        self.events = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW)
        self.events.bind((0, 0))
