# case: unsafe
# case: refuses the function makes a Unix socket
import os
import socket


class Server:
    def start(self, path):
        if self.family == socket.AF_UNIX:
            os.makedirs(os.path.dirname(path), exist_ok=True)
        self.listen(path)
        if self.family == socket.AF_UNIX:
            os.chmod(path, 0o777)
