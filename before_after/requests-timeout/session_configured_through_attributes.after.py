# case: unsafe
"""Shaped like cinder's Tatlin client: the session is set up through its attributes."""
import requests


class TatlinClient:
    def __init__(self, host, verify):
        self.host = host
        self.session = requests.session()
        self.session.verify = verify

    def login(self, user):
        return self.session.post(
            "https://%s/auth/login" % self.host, data={"user": user},
            timeout=60
        )
