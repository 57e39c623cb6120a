"""python-freezerclient 6.5.0's one-line call, in a project black gates: black
would hang the arguments below the bracket, so the timeout takes no line of its
own aligned under the first.
"""

# case: unsafe
# case: formatter black
# case: refuses timeout=60 would run past 79 columns; add it by hand
import requests


class SessionManager(object):
    def get(self, session_id):
        endpoint = self.endpoint + session_id
        r = requests.get(endpoint, headers=self.headers, verify=self.verify)
        return r.json() if r.status_code == 200 else None
