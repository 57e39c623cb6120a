# case: unsafe
# case: refuses the loop in the try ends only when it raises
"""Shaped like printrun's pronsole: Windows serial ports read until EnumValue raises."""
import logging

LOG = logging.getLogger(__name__)


def serial_ports(winreg):
    ports = []
    try:
        key = winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, "HARDWARE\\DEVICEMAP\\SERIALCOMM")
        i = 0
        while(1):
            ports += [winreg.EnumValue(key, i)[1]]
            i += 1
    except Exception:
        pass
    return ports
