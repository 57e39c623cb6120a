# case: unsafe
# case: refuses the release would be self.delete(urllib.parse.quote(container))
"""Shaped like python-openstackclient's openstackclient/api/object_store_v1.py: create() and
delete() of its BaseAPI (in another module) are per-URL HTTP verbs of a REST client, so
self.delete() with no argument is no release of the whole object; the container a PUT makes
may also have existed before it."""
import urllib.parse

from openstackclient.api import api


class APIv1(api.BaseAPI):
    def container_create(self, container, headers=None):
        response = self.create(
            urllib.parse.quote(container), method='PUT', headers=headers
        )
        data = {
            'account': self._find_account_id(),
            'container': container,
            'x-trans-id': response.headers.get('x-trans-id'),
        }
        return data

    def _find_account_id(self):
        return self.session.get_project_id()
