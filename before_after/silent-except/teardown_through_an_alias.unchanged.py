"""apprise 2.3.0's XMPP adapter: a best-effort disconnect through a rebound name.

`client = client_obj` only gives the object another name (for the type
checker): the try still does nothing but schedule the disconnect.
"""

# case: refuses best-effort cleanup: ignoring a failed release or teardown is deliberate
# case: unsafe
import contextlib
import logging

logger = logging.getLogger(__name__)


def _send(shared, result):
    logger.warning("XMPP send timed out")
    result[0] = False

    loop_obj = shared.get("loop")
    client_obj = shared.get("client")

    if loop_obj is not None:
        loop = loop_obj  # type: ignore[assignment]
        try:
            if client_obj is not None:
                client = client_obj  # type: ignore[assignment]
                loop.call_soon_threadsafe(client.disconnect)
        except Exception:
            pass

        with contextlib.suppress(Exception):
            loop.call_soon_threadsafe(loop.stop)
