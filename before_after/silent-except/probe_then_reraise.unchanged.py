# case: refuses the code after the try re-raises the error being handled when this way fails
"""Shaped like gcsfs's ExtendedGcsFileSystem._list_objects(): an empty folder of a
hierarchical bucket lists as nothing; anything else re-raises the first error."""
import logging

logger = logging.getLogger(__name__)


class FileSystem:
    async def list_objects(self, path):
        try:
            return await self.list_all(path)
        except FileNotFoundError:
            if await self.is_hierarchical(path):
                try:
                    await self.directory_info(path)
                    return []
                except Exception:
                    pass
            raise
