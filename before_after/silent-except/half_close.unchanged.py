# case: refuses best-effort cleanup: ignoring a failed release or teardown is deliberate
"""Shaped like websockets' send_data(): half-close the TCP connection when possible."""
import logging

logger = logging.getLogger(__name__)


def send_data(transport, data):
    if data:
        transport.write(data)
    elif transport.can_write_eof():
        try:
            transport.write_eof()
        except Exception:  # pragma: no cover
            pass
