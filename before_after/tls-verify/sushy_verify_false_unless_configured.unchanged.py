# case: refuses verify=verify is bound to False (line 24) and set otherwise only where `self._config.get("EXTERNAL_NOTIFICATION_CAFILE")` is true (line 25), or
# case: refuses verify=verify is bound to False (line 11) and set otherwise only where `cfg.get('CAFILE')` is true (line 12): certificate checks are off by default
# case: refuses certificate checks are off by default: give it a CA bundle by default
"""Shaped like sushy-tools 2.2.0's FakeDriver._send_external_notification()
(sushy_tools/emulator/resources/systems/fakedriver.py): verify is False unless a CA file,
or a client certificate and key, is configured, then passed to requests.put()."""
import requests


def notify(cfg, url, system):
    verify = False
    if cfg.get('CAFILE'):
        verify = cfg.get('CAFILE')
    return requests.put(url, verify=verify, json=system, timeout=60)


class FakeDriver:
    def __init__(self, config):
        self._config = config

    def _send_external_notification(self, system):
        url = self._config.get('EXTERNAL_NOTIFICATION_URL')
        cert = None
        verify = False
        if self._config.get("EXTERNAL_NOTIFICATION_CAFILE"):
            verify = self._config.get("EXTERNAL_NOTIFICATION_CAFILE")
        elif self._config.get("EXTERNAL_NOTIFICATION_CERTFILE") and \
                self._config.get("EXTERNAL_NOTIFICATION_KEYFILE"):
            cert = (self._config.get("EXTERNAL_NOTIFICATION_CERTFILE"),
                    self._config.get("EXTERNAL_NOTIFICATION_KEYFILE"))
            verify = True

        resp = requests.put(
            url, verify=verify, cert=cert, json=system,
            headers={'Content-type': 'application/json'}, timeout=60)
        return resp
