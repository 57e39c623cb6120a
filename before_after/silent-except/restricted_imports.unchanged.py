# case: unsafe
# case: refuses the module says which modules it may import
"""Shaped like PyInstaller's pyimod02_importers, loaded before any other importer."""
# This module is used during bootstrap.
# Import *ONLY* builtin modules or modules that are collected into the base_library.zip archive.
import sys


def install(loader):
    try:
        sys.modules['__main__'].__loader__ = loader
    except Exception:
        pass
