# case: unsafe
"""Comments that say what the code does, or silence a linter, are no reason to swallow."""
import logging

LOG = logging.getLogger(__name__)


def update_rpm_dicts(rpmrc, pyfile):
    try:
        # Read old rpmutils.py file
        with open(pyfile) as f:
            old = f.readlines()
        # Write new rpmutils.py file
        with open(pyfile, 'w') as f:
            f.writelines(merge(old, rpmrc))
    except:
        LOG.debug('Ignoring exception in update_rpm_dicts()', exc_info=True)


def refresh(cache):
    try:
        cache.refresh()
    except Exception:  # pylint: disable=broad-except
        LOG.debug('Ignoring exception in refresh()', exc_info=True)


def reload(cache):
    try:
        cache.reload()
    except Exception:  # ruff:ignore[blind-except]
        LOG.debug('Ignoring exception in reload()', exc_info=True)


def merge(old, rpmrc):
    return old + rpmrc


def load(candidates, as_file):
    for src in candidates:
        try:
            as_file(src)
        except:
            # TODO: W0702: No exception type(s) specified
            LOG.debug('Ignoring exception in load()', exc_info=True)
