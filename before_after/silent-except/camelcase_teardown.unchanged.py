"""pyvmomi 8.0.3.0.1's pyVim/connect.py: Disconnect() logs out as best it can, then drops
the connections; a failed logout must not stop the drop. A CamelCase name is still the
name of a teardown."""

# case: unsafe
# case: refuses best-effort teardown: Disconnect() releases what it can
# case: refuses best-effort teardown: CloseSession() releases what it can
import logging

LOG = logging.getLogger(__name__)


def Disconnect(si=None):
    """
    Logout and disconnect the service instance
    """
    if not si:
        return

    try:
        content = si.RetrieveContent()
        content.sessionManager.Logout()
    except Exception as e:
        pass

    si._stub.DropConnections()


class Session:
    def CloseSession(self):
        try:
            self._stub.SendLogout()
        except Exception:
            pass
        self._stub = None
