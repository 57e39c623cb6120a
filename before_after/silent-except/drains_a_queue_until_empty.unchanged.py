# case: refuses the loop ends when the container is empty
"""Shaped like kivy's input providers (hidinput, mtdev...): update() runs every frame and
drains the event queue; popleft() on the empty deque raises IndexError, which is how the
loop ends on every call."""
import collections
import logging

LOG = logging.getLogger(__name__)


class Provider:
    def __init__(self):
        self.queue = collections.deque()

    def update(self, dispatch_fn):
        try:
            while True:
                event_type, touch = self.queue.popleft()
                dispatch_fn(event_type, touch)
        except Exception:
            pass
