# case: unsafe
# case: refuses `csrf_token` says this MD5 digest is for security
"""Shaped like youtube-dl's Instagram user extractor: the X-Instagram-GIS signature hashes
each of its templates, and the templates hold the CSRF token."""
import hashlib
import json


class InstagramUserIE(object):
    def _entries(self, data, uploader_id):
        csrf_token = data['config']['csrf_token']
        rhx_gis = data.get('rhx_gis') or '3c7ca9dcefcf966d11dacf1f151335e8'
        variables = json.dumps({'first': 12})
        gis_tmpls = [
            '%s' % rhx_gis,
            '',
            '%s:%s' % (rhx_gis, csrf_token),
        ]
        for gis_tmpl in gis_tmpls:
            return self._download_json(
                'https://www.instagram.com/graphql/query/', uploader_id, headers={
                    'X-Instagram-GIS': hashlib.md5(
                        ('%s:%s' % (gis_tmpl, variables)).encode('utf-8')).hexdigest(),
                })

    def _first(self, a, csrf_token, v):
        for t in ['%s:%s' % (a, csrf_token)]:
            return hashlib.md5(('%s:%s' % (t, v)).encode()).hexdigest()
