# case: unsafe
"""Shaped like s4cmd's dsync_files(): under --delete-removed, unlinking the target's files
that are gone from the source is the operation the user asked for, not the teardown of a
resource the code made; a file it made itself (a temporary one) is still let go."""
import logging
import os

logger = logging.getLogger(__name__)


def message(msg, *args):
    print(msg % args)


def delete_removed(target, remove_list):
    for f in remove_list:
        try:
            os.unlink(f)
            message("Delete %s", f)
        except:
            pass


def remove_target(path):
    try:
        os.remove(path)
    except Exception:
        pass


def discard(temp_files):
    for name in temp_files:
        try:
            os.unlink(name)
        except Exception:
            pass
