# case: refuses a Unix socket's fixed path in a directory every user can write
"""Shaped like anyio's networking snippets: client and server meet at one path."""
import anyio


async def serve(handler):
    listener = await anyio.create_unix_listener("/tmp/mysock")
    await listener.serve(handler)


async def ask(message):
    async with await anyio.connect_unix("/tmp/mysock") as client:
        await client.send(message)
        return await client.receive()
