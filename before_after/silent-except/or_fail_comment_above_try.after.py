"""Shaped like tap-as-a-service 18.0.0's neutron_taas/services/taas/tap_mirror_plugin.py:
"do the backend stuff, or fail" asks for the failure to surface (the same file's delete
re-raises under that comment), so it documents no swallow."""

# case: unsafe
import logging

LOG = logging.getLogger(__name__)


def create(ctx):
    # Postcommit phase, do the backend stuff, or fail.
    try:
        driver.postcommit(ctx)
    except Exception:
        LOG.debug("Ignoring exception in create()", exc_info=True)
