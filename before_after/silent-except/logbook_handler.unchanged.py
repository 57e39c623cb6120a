# case: refuses inside a logging class, where logging again can recurse
"""Shaped like raven's logbook SentryHandler: its emit() reports its own failures."""
import logging
import sys

import logbook

logger = logging.getLogger(__name__)


class SentryHandler(logbook.Handler):
    def emit(self, record):
        try:
            self.client.capture(record)
        except Exception:
            print("Top level Sentry exception caught", file=sys.stderr)
            try:
                self.client.flush()
            except Exception:
                pass
