# case: unsafe
"""Shaped like glance_store 5.7.0's glance_store/exceptions.py: GlanceStoreException's
__init__ formats its message template with the keyword arguments, and swallows the
failure where they do not fit it, a caller's mistake (nova's and cinder's exception bases
log it: "Exception in string format operation"); it was called "an optional value that
keeps its default when it cannot be read"."""


class GlanceStoreException(Exception):
    message = "An unknown exception occurred: %(reason)s"

    def __init__(self, message=None, **kwargs):
        if not message:
            message = self.message
        try:
            if kwargs:
                message = message % kwargs
        except Exception:
            pass
        self.msg = message
        super(GlanceStoreException, self).__init__(message)
