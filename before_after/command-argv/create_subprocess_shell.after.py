import asyncio


async def fetch(url):
    process = await asyncio.create_subprocess_exec(
        "curl", "-fsS", str(url), stdout=asyncio.subprocess.PIPE
    )
    return await process.communicate()
