# case: refuses cleanup on failure (super().delete()) could delete a namespace that existed before the call
from example.agent import namespaces
from example.agent import netlib


class RouterNamespace(namespaces.Namespace):

    def create(self):
        super().create()
        netlib.set_sysctl(self.name, 'net.ipv4.ip_forward=1')
