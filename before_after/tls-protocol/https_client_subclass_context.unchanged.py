# case: unsafe
# case: refuses PROTOCOL_TLSv1 goes to the context of an HTTPS client (YoutubeDLHTTPSHandler(), an HTTPSHandler)
"""Shaped like youtube-dl's utils: the module's own HTTPS handler, given a context by name."""
import ssl
import sys

from youtube_dl.compat import compat_urllib_request


def make_HTTPS_handler(params, **kwargs):
    if sys.version_info < (3, 2):
        return YoutubeDLHTTPSHandler(params, **kwargs)
    else:  # Python < 3.4
        context = ssl.SSLContext(ssl.PROTOCOL_TLSv1)
        context.set_default_verify_paths()
        return YoutubeDLHTTPSHandler(params, context=context, **kwargs)


class YoutubeDLHandler(compat_urllib_request.HTTPSHandler):
    pass


class YoutubeDLHTTPSHandler(YoutubeDLHandler):
    def __init__(self, params, *args, **kwargs):
        compat_urllib_request.HTTPSHandler.__init__(self, *args, **kwargs)
        self._params = params
