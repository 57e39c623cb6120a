# case: ignores the parameter is bound another way too, so what self.session holds is not known
"""As session_stored_unless_given, but the parameter is also bound to a session of the
project's making."""
import requests

from example import sessions


class ApiClient:
    def __init__(self, base_url, session=None, retries=0):
        self.base_url = base_url
        if session is None:
            session = requests.Session()
        if retries:
            session = sessions.with_retries(session, retries)
        self.session = session

    def fetch(self, path):
        return self.session.get(self.base_url + path).json()
