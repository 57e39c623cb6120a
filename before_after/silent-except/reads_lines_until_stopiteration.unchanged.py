# case: refuses next() raising StopIteration
"""Shaped like kivy's input providers, which drain a queue every frame: here the lines of
a file are read with next() until it raises StopIteration."""
import logging

LOG = logging.getLogger(__name__)


def headers(lines, found):
    rows = iter(lines)
    try:
        while True:
            line = next(rows)
            if line.startswith("#"):
                found.append(line)
    except Exception:
        pass
