"""python-freezerclient 6.5.0's freezerclient/v2/managers/sessions.py: calls on
one line with no room for the timeout.

The line breaks after the last argument and the timeout goes below, aligned
under the first argument (pycodestyle's visual indent), the closing bracket and
what follows it with it. Not where a comment follows (a ``# type: ignore``
there speaks for the first line), where what would move opens a bracket a
later line is aligned under, or where the new line has no room either.
"""

# case: unsafe
# case: refuses timeout=60 would run past 79 columns; add it by hand
# case: refuses timeout=60 would shift an aligned continuation line
import requests


class SessionManager(object):
    def get(self, session_id):
        endpoint = self.endpoint + session_id
        r = requests.get(endpoint, headers=self.headers, verify=self.verify)
        return r.json() if r.status_code == 200 else None

    def delete(self, session_id):
        r = requests.delete(self.endpoint + session_id, headers=self.headers)
        return r.status_code

    def head(self, url):
        r = requests.head(url, headers=self.headers)  # type: ignore[misc]
        return r.status_code

    def name(self, url):
        return requests.get(url).json()['sessions'][0]['members'][-1]['name']

    def members(self, session_id, default):
        return requests.get(self.endpoint).json().get(session_id, [default,
                                                                   None])
