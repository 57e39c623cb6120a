"""sushy-tools' nova driver: a log line before a release keeps the try a best-effort cleanup."""

# case: refuses best-effort cleanup: ignoring a failed release or teardown is deliberate
# case: unsafe
import logging

LOG = logging.getLogger(__name__)


class OpenStackDriver:
    def _attempt_delete(self, image, identity, *keys):
        if image:
            try:
                LOG.debug('Deleting image %s', image)
                self._cc.delete_image(image)
            except Exception:
                pass
        if identity and keys:
            try:
                self._cc.delete_server_metadata(identity, keys)
            except Exception:
                pass
