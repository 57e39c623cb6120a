# case: unsafe
# case: refuses try_mark_milestone() reports usage (analytics, telemetry)
"""Shaped like prefect's flows.py: the first flow defined, marked for analytics."""
import logging

LOG = logging.getLogger(__name__)


class Flow:
    def __init__(self, fn):
        self.fn = fn
        # Track first flow defined milestone for analytics
        try:
            from prefect._internal.analytics import try_mark_milestone

            try_mark_milestone("first_flow_defined")
        except Exception:
            pass
