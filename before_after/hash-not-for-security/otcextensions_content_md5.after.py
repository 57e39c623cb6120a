# case: unsafe
# case: project otcextensions otcextensions/sdk/obs/v1/obj.py
"""Shaped like otcextensions 0.34.8's sdk/obs/v1/obj.py: setup.cfg still lists Python 2.7,
3.6 and 3.7, but common/utils.py calls hashlib.md5(usedforsecurity=False) unguarded, so the
package runs on 3.9 and newer only: the Content-MD5 header's digest gets the mark."""
import base64
import hashlib

from openstack import resource


class Object(resource.Resource):

    def create(self, session, prepend_key=True):
        session = self._get_session(session)

        if not self.content_md5 and self.data:
            md5 = hashlib.md5(usedforsecurity=False)
            md5.update(str.encode(self.data))
            self.content_md5 = base64.b64encode(md5.digest()).decode()

        request = self._prepare_request(requires_id=True, prepend_key=prepend_key)
        return session.put(request.url, data=self.data, headers=request.headers)
