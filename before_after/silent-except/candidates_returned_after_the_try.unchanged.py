# case: unsafe
# case: refuses tries candidates in turn in a loop
# case: refuses a filter: the loop skips the items whose values cannot be read
"""Shaped like horizon 27.0.0's openstack_dashboard/api/rest/nova.py: the loop tries the
console types in turn and returns the first that works after the try (`raise
NotAvailable` after the loop), which was called "a filter" that skips the items whose
values cannot be read."""
import logging

LOG = logging.getLogger(__name__)


class NotAvailable(Exception):
    pass


def get_console(request, server_id, check_consoles):
    for con_type, api_call in check_consoles.items():
        try:
            console = api_call(request, server_id)
        # If not supported, don't log it to avoid lot of errors in case
        # of AUTO.
        except NotImplementedError:
            continue
        except Exception:
            continue

        if con_type == 'SERIAL':
            console_url = console.url
        else:
            console_url = "%s&title=Console(%s)" % (console.url, server_id)

        return {"type": con_type, "url": console_url}
    raise NotAvailable('No available console found.')


def readable(paths, read):
    found = []
    for path in paths:
        try:
            text = read(path)
        except Exception:
            continue
        found.append(text)
    return found
