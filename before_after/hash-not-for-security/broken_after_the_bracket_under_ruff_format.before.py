# case: unsafe
# case: formatter ruff
"""Shaped like apprise's manager.py and plugins/nostr/relay.py: a ruff
format project (line length 79), each call on one line with no room left
for the keyword. Ruff format breaks such a line after the call's opening
bracket: the arguments together on a line of their own where they fit,
else one per line with the magic trailing comma."""

import hashlib
import time
from base64 import b64encode

WS_ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"


class PluginManager:
    def module_load(self, path):
        if path:
            t_start = time.time()
            module_name = hashlib.sha1(path.encode("utf-8")).hexdigest()
            return module_name, t_start

    def module_tag(self, schema_prefix, path):
        return hashlib.md5(schema_prefix.encode() + path.encode("utf-8"))


class RelayConnection:
    def handshake(self, ws_key, headers):
        expected = b64encode(
            hashlib.sha1((ws_key + WS_ACCEPT_GUID).encode()).digest()
        ).decode()
        return headers.get("sec-websocket-accept") == expected
