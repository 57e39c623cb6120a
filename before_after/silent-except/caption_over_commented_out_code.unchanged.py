"""pyvmomi 8.0.3.0.1's pyVmomi/Iso8601.py: ParseISO8601() returns None when the string is
no date. The prose in the try ("... But newer draft is ok") heads a check that was
commented out: it says why the check is off, nothing of the handler, nor does the
commented-out code below it."""

# case: unsafe
# case: refuses an optional value that keeps its default
import logging

LOG = logging.getLogger(__name__)


def ParseISO8601(datetimeStr):
    datetimeVal = None
    match = _dtExpr.match(datetimeStr)
    if match:
        try:
            dt = {}
            for key in ("year", "month", "day"):
                dt[key] = int(match.group(key))

            # Orig. XMLSchema don't allow all zeros year. But newer draft is ok
            # if dt['year'] == 0:
            #   # Year cannot be all zeros
            #   raise Exception('Year cannot be all zeros')

            # 24 is a special case.
            datetimeVal = datetime(**dt)
        except Exception:
            pass
    return datetimeVal

