# case: unsafe
# case: refuses **options may carry executable= or other keywords
"""A template the tool could make an argument list of, but the call's keywords come through
**options, which the tool does not rewrite."""
import asyncio
import shlex


async def list_directory(path, **options):
    return await asyncio.create_subprocess_shell("ls -l " + shlex.quote(path), **options)
