# case: unsafe
"""Shaped like glanceclient's ImageMemberManager.list(): a TODO that asks for a narrower
handler documents no decision to swallow everything."""
import logging

LOG = logging.getLogger(__name__)


class ImageMemberManager:
    def list(self, image=None, member=None):
        out = []
        if image and member:
            try:
                out.append(self.get(image, member))
            # TODO(bcwaldon): narrow this down to 404
            except Exception:
                LOG.debug("Ignoring exception in ImageMemberManager.list()",
                          exc_info=True)
        return out
