# case: refuses best-effort cleanup: ignoring a failed release or teardown is deliberate
"""Shaped like discord.py's _call_module_finalizers(): the extension's teardown hook."""
import logging

LOG = logging.getLogger(__name__)


async def call_finalizers(bot, lib):
    try:
        func = getattr(lib, "teardown")
    except AttributeError:
        pass
    else:
        try:
            await func(bot)
        except Exception:
            pass
