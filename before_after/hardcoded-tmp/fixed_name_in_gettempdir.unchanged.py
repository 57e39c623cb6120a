# case: unsafe
# case: refuses a fixed name in the shared temporary directory, which another user can create first
"""pykube-ng's kubeconfig data written to a fixed name under tempfile.gettempdir():
a private key at 0644, and a CA file another user planted there first is trusted."""
import hashlib
import tempfile
from pathlib import Path


class BytesOrFile:
    def __init__(self, data):
        self._bytes = data
        self._path = None

    def filename(self):
        if not self._path:
            m = hashlib.sha256()
            m.update(self._bytes)
            path = Path(f"{tempfile.gettempdir()}/pykube-ng.{m.hexdigest()}.crt")
            if not path.exists() or path.stat().st_size == 0:
                with open(path, "wb") as f:
                    f.write(self._bytes)
            self._path = path
        return str(self._path)


def scratch():
    return f"{tempfile.gettempdir()}/{tempfile.gettempprefix()}"
