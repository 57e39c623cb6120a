# case: unsafe
# case: refuses a type test: issubclass() raises TypeError for what is not a class
"""Shaped like insights-core: a walk over components some of which are functions, and a
log parser that leaves out the lines whose timestamp cannot be read."""
import logging
from datetime import date

LOG = logging.getLogger(__name__)


def context_dependencies(components, context_class):
    found = set()
    for component in components:
        try:
            if issubclass(component, context_class):
                found.add(component)
        except Exception:
            pass
    return found


def get_after(lines, parse_line, timestamp):
    for line in lines:
        info = parse_line(line)
        try:
            logtime = date.fromtimestamp(float(info.get('timestamp', 0)))
            if logtime > timestamp:
                yield info
        except Exception:
            pass
