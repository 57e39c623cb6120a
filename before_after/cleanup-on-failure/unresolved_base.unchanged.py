# case: unsafe
# case: refuses the base class netlib.Device is not defined in this module, so whether super().delete() undoes exactly what super().create() did (and needs no argument) cannot be checked
import socket

from example import netlib


class Bridge(netlib.Device):

    def create(self):
        super().create()
        self.events = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW)
        self.events.bind((0, 0))
