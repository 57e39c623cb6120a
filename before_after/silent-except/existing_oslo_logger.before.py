# case: unsafe
from oslo_log import log as logging

LOG = logging.getLogger(__name__)


class FipNamespace:
    PREFIX = 'fip-'

    def update_gateway_port(self, port):
        try:
            self.driver.set_mtu(port, self.mtu)
        except Exception:
            pass

    def _set_devices_up(self, devices):
        for device in devices:
            try:
                device.link.set_up()
            except Exception: continue
            self.up.append(device)


def _ignore_everything(callback):
    try:
        callback()
    except:
        pass
