# case: refuses the code after the try raises FileNotFoundError when this way fails: the swallow only tries one way first
"""Shaped like pywebview's util.interop_dll_path(): a frozen app's folder is looked in
last, and a DLL found nowhere raises FileNotFoundError."""
import logging
import os
import sys

logger = logging.getLogger(__name__)


def interop_dll_path(dll_name):
    dll_path = os.path.join(os.path.dirname(sys.argv[0]), dll_name)
    if os.path.exists(dll_path):
        return dll_path

    try:
        if hasattr(sys, '_MEIPASS'):
            dll_path = os.path.join(sys._MEIPASS, dll_name)

        if os.path.exists(dll_path):
            return dll_path
    except Exception:
        pass

    raise FileNotFoundError(f'Cannot find {dll_name}')
