# case: unsafe
# case: refuses an unbounded retry of the same call: `while True:` runs the try again after every failure
"""Shaped like networking-l2gw 22.0.0's networking_l2gw/services/l2gateway/agent/ovsdb/
base_connection.py: the same socket is read again, forever, until an echo reply parses;
no candidates tried in turn, and a debug line each pass would flood the log."""

import json


class BaseConnection(object):
    def _echo_response(self, addr):
        while True:
            try:
                response = self.ovsdb_dicts.get(addr).recv(4096)
                json_m = json.loads(response)
                if json_m.get('method') == 'echo':
                    self.ovsdb_dicts.get(addr).send(b'{}')
                    break
            except Exception:
                continue
