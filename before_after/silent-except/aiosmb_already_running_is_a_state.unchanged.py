# case: unsafe
# case: refuses best-effort cleanup: ignoring a failed release or teardown is deliberate
"""Shaped like aiosmb's SMBConnection.terminate() (aiosmb/connection.py:1505): the comment
above the loop says when the trees are disconnected ("was already running" is a state, no
failure); the loop's try is teardown, as the logoff after it is."""
import asyncio
import logging

logger = logging.getLogger(__name__)


class SMBConnection:
    async def terminate(self):
        try:
            if self.session_closed:
                return

            if self.status == "RUNNING":
                #only doing the proper disconnection if the connection was already running
                for tree_id in list(self.tree_ids):
                    try:
                        await asyncio.wait_for(self.tree_disconnect(tree_id), timeout=1)
                    except:
                        pass
                #logging off
                try:
                    await asyncio.wait_for(self.logoff(), timeout=1)
                except Exception as e:
                    pass
            await asyncio.wait_for(self.disconnect(), timeout=1)
        except asyncio.CancelledError:
            return
