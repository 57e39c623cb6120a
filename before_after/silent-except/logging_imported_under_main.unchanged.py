# case: refuses the module imports logging only inside a block
"""Shaped like spyne's examples/log.py: each call fails on purpose, to show the logging."""
from spyne.client.http import HttpClient

client = HttpClient("http://localhost:9910/", None)


if __name__ == "__main__":
    import logging

    logging.basicConfig(level=logging.DEBUG)
    try:
        client.service.server_exception()
    except Exception:
        pass
