# case: unsafe
# case: formatter black
"""Shaped like sewer 0.8.4's sewer/dns_providers/powerdns.py: a black project
(line length 79 here), the call's arguments hugged on one line between its
brackets. With no room left on that line for the keyword (or a line past the
width already), black writes the arguments one per line, with the magic
trailing comma; the line does not grow."""

import json

import requests


class PowerDNSDns:
    def update(self, payload, url):
        try:
            response = requests.patch(
                url,
                data=json.dumps(payload),
                headers={"X-API-Key": self.key},
                timeout=60,
            )
        except requests.exceptions.RequestException:
            raise
        return response

    def _common_dns_record(self, payload, url):
        try:
            response = requests.patch(
                url,
                data=json.dumps(payload),
                headers={"X-API-Key": self.powerdns_api_key},
                timeout=60,
            )
        except requests.exceptions.RequestException:
            raise
        return response
