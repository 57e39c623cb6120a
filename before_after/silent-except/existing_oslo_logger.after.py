from oslo_log import log as logging

LOG = logging.getLogger(__name__)


class FipNamespace:
    PREFIX = 'fip-'

    def delete(self):
        try:
            self.ip_wrapper.netns.delete(self.name)
        except Exception:
            LOG.exception('Ignoring exception in FipNamespace.delete()')

    def _cleanup_devices(self, devices):
        for device in devices:
            try:
                device.link.delete()
            except Exception:
                LOG.exception(
                    'Ignoring exception in _cleanup_devices(); continuing')
                continue
            self.deleted.append(device)


def _ignore_everything(callback):
    try:
        callback()
    except:
        LOG.exception('Ignoring exception in _ignore_everything()')
