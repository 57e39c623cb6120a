# case: unsafe
# case: refuses a comment documents that the exception is ignored on purpose
"""Shaped like graphite-web's merge_with_cache(): the comment in the `if` that skips a
point says the `except` is relied on for the points past the end ("we cannot rely on the
'except' in this case"), so it speaks for the try, unlike one above such an `if`, which
only names what is skipped."""
import logging

LOG = logging.getLogger(__name__)


def merge_with_cache(consolidated, start, step, values):
    for (interval, value) in consolidated:
        try:
            i = int(interval - start) // step
            if i < 0:
                # cached data point is earlier then the requested data point.
                # meaning we can definitely ignore the cache result.
                # note that we cannot rely on the 'except'
                # in this case since 'values[-n]='
                # is equivalent to 'values[len(values) - n]='
                continue
            values[i] = value
        except BaseException:
            pass

    return values
