# case: unsafe
"""Shaped like shuup's admin support module: SECONDS_IN_DAY is how long the fetched
articles are cached, passed to cache.set() as timeout=; no request's timeout."""
import requests

from shuup.core import cache

SECONDS_IN_DAY = 86400


class ShuupSupportModule(object):
    def _get_resource(self, request, resource_id):
        cache_key = "SHUUPCOM_API_%s_%s" % (request.LANGUAGE_CODE, resource_id)
        resource = cache.get(cache_key)
        if not resource:
            try:
                r = requests.get("https://www.shuup.com/%s/api/%s/" % (request.LANGUAGE_CODE, resource_id), timeout=60)
                resource = r.json()
                cache.set(cache_key, resource, timeout=SECONDS_IN_DAY)
            except Exception:
                pass
        return resource or {}
