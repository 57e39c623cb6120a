# case: refuses best-effort cleanup: ignoring a failed release or teardown is deliberate
# case: unsafe
import logging
import os

LOG = logging.getLogger(__name__)


class Service:
    def stop(self):
        try:
            if self.rpcserver is not None:
                self.rpcserver.stop()
            if self.backend_rpcserver:
                self.backend_rpcserver.stop()
        except Exception:
            pass
        self.rpcserver = None

    def free_certificate(self):
        try:
            os.remove(self.tmp_path)
        except Exception:
            pass
        self.tmp_path = None

    def destroy_replication(self, group):
        try:
            self.client.stopRemoteCopy(group)
        except Exception:
            pass
        try:
            self.client.removeVolumeFromRemoteCopyGroup(group, self.volume)
            self.volume = None
        except Exception:
            pass
        try:
            self.connector.disconnect_volume(self.attach_info)
        except Exception:
            pass


class WebClient:
    """pyghmi's: a request whose argument names the logout."""

    def weblogout(self):
        if self._wc:
            try:
                self._wc.grab_json_response(self.logouturl)
            except Exception:
                pass
            self._wc = None


def install(scmr, rpc, service, created):
    """impacket's service installer cleaning up after a failed install."""
    try:
        scmr.hRStartServiceW(rpc, service)
    except Exception:
        try:
            scmr.hRControlService(rpc, service, scmr.SERVICE_CONTROL_STOP)
        except:
            pass
        if created:
            try:
                scmr.hRDeleteService(rpc, service)
            except:
                pass
        return False
    return True
