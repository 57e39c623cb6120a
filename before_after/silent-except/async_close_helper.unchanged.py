# case: refuses best-effort cleanup: ignoring a failed release or teardown is deliberate
"""Shaped like confluent-kafka's aio consumer: the serializers it made are closed while
the first error is raised."""
import logging

LOG = logging.getLogger(__name__)


async def start(consumer, owned):
    try:
        await consumer.subscribe()
    except BaseException:
        try:
            await async_close_serdes(owned)
        except Exception:
            pass
        try:
            await owned.aclose()
        except Exception:
            pass
        raise
