# case: ignores test code: the server under test has a key made for the test
"""Shaped like asyncssh's tests: the client reaches a server the test has just started."""
import asyncssh


async def test_connect(server_port):
    kwargs = {"port": server_port}
    kwargs.setdefault("known_hosts", None)
    async with asyncssh.connect("127.0.0.1", known_hosts=None, **kwargs) as conn:
        assert conn
