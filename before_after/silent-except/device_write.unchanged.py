# case: unsafe
# case: refuses best-effort cleanup
"""Shaped like routersploit's BTLE Device: write() sends data to a characteristic, and
takes two arguments, unlike a stream's; its swallowed call is a disconnect."""
import logging

LOG = logging.getLogger(__name__)


class Device:
    def __init__(self, connect):
        self.connect = connect

    def write(self, characteristic, data):
        dev = self.connect()
        dev.write_characteristic(characteristic, data)
        try:
            dev.disconnect()
        except Exception:
            pass
