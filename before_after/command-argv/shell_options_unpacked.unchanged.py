# case: unsafe
# case: refuses the command string 'args' cannot be traced
# case: refuses **options may carry executable= or other keywords
"""Like subprocess-tee's _stream_subprocess(), with options the function only passes on."""
import asyncio


async def stream(args, **options):
    return await asyncio.create_subprocess_shell(args, **options)
