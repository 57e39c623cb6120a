# case: unsafe
# case: refuses the try around its caller (`login`, line 24) catches ConnectionError, which covers a connect timeout but not requests.ReadTimeout
"""Shaped like python-freeipa's client.py, with the host loop in the method that calls
_login through self: a ConnectionError moves on to the next host, a ReadTimeout would not."""
import logging

import requests

log = logging.getLogger(__name__)


class Client:
    def __init__(self, hosts):
        self._session = requests.Session()
        self.dns_discovered = hosts

    def _login(self, host, username, password):
        login_url = "https://{0}/ipa/session/login_password".format(host)
        return self._session.post(login_url, data={"user": username, "password": password})

    def login(self, username, password):
        for host in self.dns_discovered:
            try:
                return self._login(host, username, password)
            except requests.exceptions.ConnectionError as err:
                log.warning("Could not connect discovered host: {0}".format(err))
        raise RuntimeError("Could not connect to any host")
