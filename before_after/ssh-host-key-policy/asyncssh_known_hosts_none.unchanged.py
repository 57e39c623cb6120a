# case: refuses known_hosts=None in asyncssh.connect() turns off asyncssh's host-key checking
# case: refuses known_hosts=None in asyncssh.SSHClientConnectionOptions() turns off
# case: refuses known_hosts=None in asyncssh.listen_reverse() turns off
# case: refuses "known_hosts": None in a dict turns off
# case: refuses kwargs["known_hosts"] = None turns off
"""Shaped like the asyncssh clients of small tools (an OpenWrt MCP server, a web terminal):
each connection accepts any host's key."""
from asyncssh import SSHClientConnectionOptions, connect, listen_reverse


async def run(host, command):
    async with connect(host, username="root", known_hosts=None) as conn:
        return await conn.run(command)


def options(username):
    return SSHClientConnectionOptions(username=username, known_hosts=None)


async def accept(port):
    return await listen_reverse(port=port, known_hosts=None)


def connect_kwargs(host, port, password):
    kwargs = {
        "host": host,
        "port": port,
        "known_hosts": None,
        "connect_timeout": 10,
    }
    if password:
        kwargs["password"] = password
    return kwargs


async def shell(host, key):
    kwargs = {"host": host, "client_keys": [key]}
    kwargs["known_hosts"] = None
    return await connect(**kwargs)
