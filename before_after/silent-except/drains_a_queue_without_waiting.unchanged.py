# case: refuses get_nowait() raising queue.Empty
"""Shaped like a GUI's poll of a worker's results (kivy's input providers drain a deque the
same way): get_nowait() raises queue.Empty when nothing is left, which is how the loop
stops on every poll."""
import logging
import queue

LOG = logging.getLogger(__name__)

results = queue.Queue()


def poll(show):
    try:
        while 1:
            result: str = results.get_nowait()
            show(result)
    except:
        pass
