# case: unsafe
# case: refuses also catches CancelledError by name: a cancelled task is routine here
"""Shaped like IPython's LLM suggestions: the task is cancelled at every keystroke."""
import asyncio
import logging

LOG = logging.getLogger(__name__)


class Suggester:
    async def trigger(self, buffer):
        self._task = asyncio.create_task(self._suggest(buffer))
        try:
            await self._task
        except (asyncio.CancelledError, Exception):
            pass
