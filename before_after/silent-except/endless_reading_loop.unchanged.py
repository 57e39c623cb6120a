# case: refuses the loop in the try ends only when it raises
"""Shaped like octoprint's serialList(): the registry's values are read until EnumValue
raises, which is how the loop ends."""
import logging
import winreg

LOG = logging.getLogger(__name__)


def serial_ports():
    candidates = []
    try:
        key = winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, "HARDWARE\\DEVICEMAP\\SERIALCOMM")
        i = 0
        while True:
            candidates += [winreg.EnumValue(key, i)[1]]
            i += 1
    except Exception:
        pass
    return candidates
