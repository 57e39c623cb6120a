# case: refuses best-effort cleanup: ignoring a failed release or teardown is deliberate
"""Shaped like gradio's queueing: an iterator closed through a wrapper of aclose()."""
import logging

LOG = logging.getLogger(__name__)


async def finish(iterator, safe_aclose_iterator):
    try:
        await safe_aclose_iterator(iterator)
    except Exception:
        pass
