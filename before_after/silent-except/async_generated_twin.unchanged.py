"""jupytext 1.19.6's async_contentsmanager.py: sync_contentsmanager.py is generated from it.

A test regenerates the twin from this module and compares: a fix here fails it
unless the twin is regenerated too, so the codemod advises and fixes nothing.
"""

# case: refuses sync_generated_twin.unchanged.py is generated from this module
# case: unsafe
import os


def build_async_contents_manager_class(base_class):
    class AsyncContentsManager(base_class):
        async def rename_file(self, old_path, new_path):
            if os.path.splitext(old_path)[1] not in self.extensions:
                await self.super.rename_file(old_path, new_path)
                return

            if old_path not in self.paired_notebooks:
                try:
                    # we do not know yet if this is a paired notebook (#190)
                    self.log.info("Opening %s to check if it is paired", old_path)
                    await self.get(old_path, content=True)
                except Exception:
                    pass

            await self.super.rename_file(old_path, new_path)

    return AsyncContentsManager
