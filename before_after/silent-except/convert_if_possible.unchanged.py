# case: unsafe
# case: refuses an optional value that keeps its default when it cannot be read
"""Shaped like insights-core's VDSM log parser: the timestamp is converted when it can be,
and the raw field is dropped once it is."""
import logging
from datetime import datetime

LOG = logging.getLogger(__name__)


def parse(fields, time_format):
    if 'timestamp' in fields:
        try:
            fields['asctime'] = datetime.strptime(fields['timestamp'], time_format)
            del fields['timestamp']
        except Exception:
            pass
    return fields


def parse_line(parsed_line):
    # Try to convert the datetime if possible
    try:
        parsed_line['datetime'] = datetime.strptime(
            parsed_line['timestamp'], '%a %b %d %H:%M:%S %Y')
        parsed_line['epoch'] = parsed_line['datetime'].timestamp()
        print(parsed_line)
    except Exception:
        pass
    return parsed_line
