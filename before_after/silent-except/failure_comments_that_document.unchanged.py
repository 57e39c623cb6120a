"""Comments above a try that do say a failure is let pass: not an imperative's "or fail"."""

# case: unsafe
# case: refuses a comment above the try documents that the exception is ignored on purpose
import logging

LOG = logging.getLogger(__name__)


def probe(ctx):
    # best effort, may fail
    try:
        driver.probe(ctx)
    except Exception:
        pass


def refresh(ctx):
    # it may fail if the port is gone
    try:
        driver.refresh(ctx)
    except Exception:
        pass


def notify(ctx):
    # Tell the backend, or fail silently.
    try:
        driver.notify(ctx)
    except Exception:
        pass


def sync(ctx):
    # The backend may take it or fail.
    try:
        driver.sync(ctx)
    except Exception:
        pass


def flush(ctx):
    # pass or fail, the port goes on
    try:
        driver.flush(ctx)
    except Exception:
        pass
