# case: unsafe
# case: refuses the module imports nothing at its top, its functions what they use
"""Shaped like PyInstaller's runtime hooks, run inside a frozen app."""


def _pyi_rthook():
    def _install_hack():
        import os
        os.environ.setdefault("SETUPTOOLS_USE_DISTUTILS", "local")

    try:
        _install_hack()
    except Exception:
        pass


_pyi_rthook()
del _pyi_rthook
