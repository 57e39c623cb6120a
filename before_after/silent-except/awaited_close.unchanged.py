# case: refuses best-effort cleanup: ignoring a failed release or teardown is deliberate
import inspect
import logging

_LOGGER = logging.getLogger(__name__)


async def drop_old_session(sessions):
    # google-auth's AsyncAuthorizedSession: close() may be a coroutine or not
    oldest = sessions[0]
    try:
        if hasattr(oldest, "close"):
            res = oldest.close()
            if inspect.isawaitable(res):
                await res
    except Exception:
        pass
    sessions.pop(0)
