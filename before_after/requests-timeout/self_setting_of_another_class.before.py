# case: unsafe
# case: refuses the module has self.TIMEOUT, a timeout the project sets
"""Shaped like zuul's azure driver (azul.py): the token requests of AzureAuth have no
self.TIMEOUT, which only AzureCloud binds; its own call can pass that."""
import requests


class AzureAuth(requests.auth.AuthBase):
    AUTH_URL = "https://login.microsoftonline.com/{tenantId}/oauth2/token"

    def __init__(self, tenant_id, client_id):
        self.tenant_id = tenant_id
        self.client_id = client_id

    def refresh_secret(self):
        url = self.AUTH_URL.format(tenantId=self.tenant_id)
        data = {'grant_type': 'client_credentials', 'client_id': self.client_id}
        return requests.post(url, data)


class AzureCloud:
    TIMEOUT = 60

    def __init__(self, credential):
        self.auth = AzureAuth(credential['tenantId'], credential['clientId'])

    def request(self, url):
        return requests.get(url, auth=self.auth, timeout=self.TIMEOUT)

    def delete(self, url):
        return requests.delete(url, auth=self.auth)
