# case: refuses a check: the try raises AssertionError when it fails
"""Shaped like Cheetah's Template.__init__(): the version check of a compiled template;
a template that was not compiled has no version to check."""
import logging
import sys

LOG = logging.getLogger(__name__)


def check_version(template, minimum):
    try:
        compiled = sys.modules[type(template).__module__].__CHEETAH_version__
        if compiled < minimum:
            raise AssertionError("compiled with %s: recompile it" % compiled)
    except AssertionError:
        raise
    except Exception:
        pass
