# case: unsafe
"""Shaped like Cheetah's Template.compile(): '@@' is its authors' TODO mark."""
import logging

LOG = logging.getLogger(__name__)


def publish(source):
    try:
        send(source)
    except Exception:
        # @@TR: should add some logging to this
        pass
