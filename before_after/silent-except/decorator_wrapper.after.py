# case: unsafe
"""Shaped like kobo's django/xmlrpc/decorators.py: log_call()'s wrapper records the call,
and a failure to record it must not fail the call."""
import logging

LOG = logging.getLogger(__name__)


def log_call(function):
    def _new_function(request, *args, **kwargs):
        try:
            XmlRpcLog(user=request.user, method=function.__name__).save()
        except:
            LOG.debug("Ignoring exception in the log_call() wrapper",
                      exc_info=True)
        return function(request, *args, **kwargs)

    _new_function.__name__ = function.__name__
    return _new_function


def audited(kind):
    def decorator(func):
        def wrapper(*args):
            try:
                XmlRpcLog(kind=kind).save()
            except Exception:
                LOG.debug("Ignoring exception in the audited() wrapper",
                          exc_info=True)
            return func(*args)
        return wrapper
    return decorator


def make_counter():
    def count(events):
        try:
            events.flush()
        except Exception:
            LOG.debug("Ignoring exception in count()", exc_info=True)
        return len(events)
    return count


class XmlRpcLog:
    def __init__(self, **fields):
        self.fields = fields

    def save(self):
        pass
