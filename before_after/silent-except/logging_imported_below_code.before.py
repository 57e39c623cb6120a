# case: unsafe
"""Shaped like IPython's autoreload: imports after a module flag, logging among them."""
from __future__ import annotations

__skip_doctest__ = True

import os
import logging
from importlib import import_module


def reload_all(modules):
    for name in modules:
        try:
            import_module(name)
        except:
            pass
    return os.getpid()
