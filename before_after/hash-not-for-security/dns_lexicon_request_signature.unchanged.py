# case: unsafe
# case: oldest-python 3.9
# case: refuses `signature` says this SHA1 digest is for security (signature), and it goes into the `headers=` of `requests.Request`: the service's API fixes SHA1 here (a request signature it recomputes): only the provider can change it
# case: refuses `salt` says this SHA1 digest is for security (salt), and it goes into the `headers=` of `requests.request`: the service's API fixes SHA1 here
# case: refuses `auth_token` says this MD5 digest is for security (token), and it goes into the `headers=` of `requests.request`: the service's API fixes MD5 here
# case: refuses `hashed_body, hashed again with salt,` says this SHA1 digest is for security (salt), and it goes into the `headers=` of `requests.request`: the service's API fixes SHA1 here
"""Shaped like dns-lexicon's OVH, CloudXNS and NFSN providers (3.25.2): request signatures.

Each digest signs a request to a DNS provider's API, which recomputes it: the digest is
set into the headers passed to the HTTP call (OVH's X-Ovh-Signature, after building the
request), is a value of the headers dict (CloudXNS's API-HMAC), or reaches it through
names (NFSN's body digest, joined into the X-NFSN-Authentication value). The provider
fixes the hash: the advice leads with the service's API, not with "use SHA-256"."""

import hashlib
import json
import random
import time

import requests

SALT_SHAKER = "abcdefghijklmnopqrstuvwxyz0123456789"


class OvhProvider:
    def _request(self, action="GET", url="/", data=None):
        headers = {}
        body = json.dumps(data) if data is not None else ""
        now = str(int(time.time()))
        headers["X-Ovh-Timestamp"] = now
        request = requests.Request(action, url, data=body, headers=headers)
        prepared_request = self.session.prepare_request(request)
        signature = hashlib.sha1()
        signature.update(
            "+".join(
                [
                    self._get_provider_option("auth_application_secret"),
                    action.upper(),
                    prepared_request.url,
                    body,
                    now,
                ]
            ).encode("utf-8")
        )
        headers["X-Ovh-Signature"] = "$1$" + signature.hexdigest()
        result = self.session.request(method=action, url=url, data=body, headers=headers)
        result.raise_for_status()
        return result.json()


class CloudxnsProvider:
    def _request(self, action="GET", url="/", data=""):
        date = time.strftime("%a %b %d %H:%M:%S %Y", time.localtime())
        default_headers = {
            "API-KEY": self.auth_username,
            "API-REQUEST-DATE": date,
            "API-HMAC": hashlib.md5(
                f"{self.auth_username}{url}{data}{date}{self.auth_token}".encode("utf-8")
            ).hexdigest(),
        }
        response = requests.request(action, url, data=data, headers=default_headers)
        response.raise_for_status()
        return response.json()


class NfsnProvider:
    def _request(self, action="GET", url="/", data=None):
        body = json.dumps(data) if data is not None else ""
        hashed_body = hashlib.sha1(body.encode("utf-8")).hexdigest()
        timestamp = str(int(time.time()))
        salt = "".join(random.choice(SALT_SHAKER) for _ in range(16))
        hash_items = [
            self._get_provider_option("auth_username"),
            timestamp,
            salt,
            self._get_provider_option("auth_token"),
            url,
            hashed_body,
        ]
        auth_hash = hashlib.sha1(";".join(hash_items).encode("utf-8")).hexdigest()
        auth_value = ";".join(
            [self._get_provider_option("auth_username"), timestamp, salt, auth_hash]
        )
        auth_header = {"X-NFSN-Authentication": auth_value}
        response = requests.request(action, url, data=data, headers=auth_header)
        response.raise_for_status()
        return response.json()
