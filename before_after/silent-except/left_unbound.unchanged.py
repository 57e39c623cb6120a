# case: unsafe
# case: refuses the handler leaves osprofiler_web unbound, so its next use raises NameError
"""Shaped like cinderclient's client.py: try_import() already returns None for a missing
module, and a failure of another kind leaves the name unbound, which a log line in the
handler would not mend."""
import logging

from oslo_utils import importutils

LOG = logging.getLogger(__name__)

try:
    osprofiler_web = importutils.try_import("osprofiler.web")
except Exception:
    pass


def request_headers():
    headers = {}
    if osprofiler_web:
        headers.update(osprofiler_web.get_trace_id_headers())
    return headers
