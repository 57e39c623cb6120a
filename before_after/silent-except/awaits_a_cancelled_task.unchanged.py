# case: refuses cancelled just before: CancelledError is the expected outcome
"""ursina's networking: a connection's task is cancelled, then awaited until it ends."""
import logging

LOG = logging.getLogger(__name__)


async def disconnect(connection):
    connection.async_task.cancel()
    try:
        await connection.async_task
    except:
        pass
