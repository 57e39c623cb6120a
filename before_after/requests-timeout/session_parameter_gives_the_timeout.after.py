# case: unsafe
"""Shaped like monasca-api's devstack grafana-init.py: main() makes the Session and hands it
to login() and check_initialized(), whose calls of it pass timeout=5; that is the module's
number, not 60 of cwemod's own."""
import logging

from requests import Session

GRAFANA_URL = 'http://localhost:3000'


def login(session, user):
    r = session.post('{url}/login'.format(url=GRAFANA_URL),
                     json=user,
                     timeout=5)
    r.raise_for_status()


def check_initialized(session):
    r = session.get('{url}/api/datasources'.format(url=GRAFANA_URL), timeout=5)
    r.raise_for_status()
    return bool(r.json())


def main(user, payload):
    session = Session()
    login(session, user)
    if check_initialized(session):
        return
    r = session.post('{url}/api/datasources'.format(url=GRAFANA_URL),
                     json=payload,
                     timeout=5)
    logging.debug('Response: %r', r.json())
    session.get('{url}/logout'.format(url=GRAFANA_URL), timeout=5)
