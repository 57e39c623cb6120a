"""python-freezerclient 6.5.0's freezerclient/v2/managers/sessions.py: the
arguments aligned under the first one, and their last line has no room for the
timeout.

It goes on a line of its own aligned with them (pycodestyle's visual indent):
nothing moves. The last line of list() has room for the comma alone.
"""

# case: unsafe
import json

import requests


class SessionManager(object):
    def list(self, limit=10, offset=0, search=None):
        data = json.dumps(search) if search else None
        query = {'limit': int(limit), 'offset': int(offset)}
        r = requests.get(self.endpoint, headers=self.headers,
                         params=query, data=data, verify=self.verify)
        return r.json()['sessions']

    def update(self, session_id, update_doc):
        endpoint = self.endpoint + session_id
        r = requests.patch(endpoint, headers=self.headers, verify=self.verify,
                           data=json.dumps(update_doc, sort_keys=True)).json()
        return r['version']
