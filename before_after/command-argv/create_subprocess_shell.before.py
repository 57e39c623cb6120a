import asyncio


async def fetch(url):
    process = await asyncio.create_subprocess_shell(
        "curl -fsS '%s'" % url, stdout=asyncio.subprocess.PIPE
    )
    return await process.communicate()
