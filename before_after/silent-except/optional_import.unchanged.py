# case: unsafe
# case: refuses an optional import: the module goes on without it
"""Shaped like coverage's pth file: measure subprocesses where coverage is installed."""
import logging
import os

LOG = logging.getLogger(__name__)

if os.getenv('COVERAGE_PROCESS_START'):
    try:
        import coverage
    except Exception:
        pass
    else:
        coverage.process_startup()
