# case: refuses which start() calls only before raising its own error
# case: refuses call it in an except before re-raising
"""Shaped like Zuul's zuul/executor/server.py KubeFwd: the sockets stay reserved while the
forwarder runs, and start() calls stop() only where its own check fails, before raising; a
stop() in a finally would close them on success too."""
import socket
import subprocess


class KubeFwd(object):
    def __init__(self, pod):
        self.pod = pod
        self.fwd = None
        self.socket1 = None
        self.port1 = None

    def _getSocket(self):
        self.socket1 = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
        self.socket1.bind(('::', 0))
        self.port1 = self.socket1.getsockname()[1]

    def start(self):
        if self.socket1 is None:
            self._getSocket()
        fwd = subprocess.Popen(['kubectl', 'port-forward', self.pod, '%s:19885' % self.port1],
                               stdout=subprocess.PIPE)
        line = fwd.stdout.readline().decode('utf8')
        if str(self.port1) not in line:
            self.stop()
            raise Exception("Unable to start kubectl port forward")
        self.fwd = fwd

    def stop(self):
        if self.fwd:
            self.fwd.kill()
            self.fwd = None
        if self.socket1:
            self.socket1.close()
            self.socket1 = None
