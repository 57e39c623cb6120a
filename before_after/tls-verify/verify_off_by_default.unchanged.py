# case: unsafe
# case: refuses verify=self.verify is False where the caller passes nothing (cacert=None, insecure=True by default, line 27)
"""Shaped like oslo.vmware 4.10.1's RequestsTransport (oslo_vmware/service.py): verify is
a setting, but one that is off unless the caller opts in (insecure=True by default)."""
import requests
from requests import adapters


class LocalFileAdapter(adapters.HTTPAdapter):
    """Serves file:/// URLs from the local disk."""

    def __init__(self, pool_maxsize=10):
        super().__init__(pool_connections=pool_maxsize,
                         pool_maxsize=pool_maxsize)

    def _build_response_from_file(self, request):
        with open(request.url[7:], 'rb') as f:
            return self.build_response(request, f.read())

    def send(self, request, stream=False, timeout=None,
             verify=True, cert=None, proxies=None):
        """Sends request for a local file."""
        return self._build_response_from_file(request)


class RequestsTransport:
    def __init__(self, cacert=None, insecure=True, pool_maxsize=10,
                 connection_timeout=None):
        # insecure flag is used only if cacert is not
        # specified.
        self.verify = cacert if cacert else not insecure
        self.session = requests.Session()
        self.session.mount('file:///',
                           LocalFileAdapter(pool_maxsize=pool_maxsize))
        self.session.mount('https://', requests.adapters.HTTPAdapter(
            pool_connections=pool_maxsize, pool_maxsize=pool_maxsize))
        self._connection_timeout = connection_timeout

    def open(self, request):
        resp = self.session.get(request.url, verify=self.verify)
        return resp.content

    def send(self, request):
        resp = self.session.post(request.url,
                                 data=request.message,
                                 headers=request.headers,
                                 verify=self.verify,
                                 timeout=self._connection_timeout)
        return resp.status_code, resp.headers, resp.content
