# case: unsafe
# case: refuses the try around its caller (`_wrap_in_dns_discovery`, line 23) catches ConnectionError, which covers a connect timeout but not requests.ReadTimeout
"""Shaped like python-freeipa's client.py: login() hands the bound method _login to
_wrap_in_dns_discovery, which tries each discovered host and goes on to the next on a
ConnectionError; a ReadTimeout would end the loop at the first stalled host."""
import logging

import requests

log = logging.getLogger(__name__)


class Client:
    def __init__(self, hosts):
        self._session = requests.Session()
        self.dns_discovered = hosts
        self._current_host = None

    def _wrap_in_dns_discovery(self, function, *args, **kwargs):
        for host in self.dns_discovered:
            try:
                self._current_host = host
                return function(*args, **kwargs)
            except requests.exceptions.ConnectionError as err:
                log.warning("Could not connect discovered host: {0}".format(err))
        raise RuntimeError("Could not connect to any host")

    def login(self, username, password):
        return self._wrap_in_dns_discovery(self._login, username, password)

    def _login(self, username, password):
        login_url = "https://{0}/ipa/session/login_password".format(self._current_host)
        data = {"user": username, "password": password}
        response = self._session.post(login_url, data=data)
        if not response.ok:
            raise RuntimeError(response.text)
        return response
