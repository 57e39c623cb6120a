# case: refuses uri() is plain http://: no certificate is checked on it
import requests


class HTTP01:
    path = "/.well-known/acme-challenge/token"

    def uri(self, domain):
        return "http://" + domain + self.path


def simple_verify(chall, domain, timeout=30):
    # acme's http-01 self-check: the host may not have a certificate it can
    # trust yet, and the URL is plain http:// anyway
    uri = chall.uri(domain)
    return requests.get(uri, verify=False, timeout=timeout).text
