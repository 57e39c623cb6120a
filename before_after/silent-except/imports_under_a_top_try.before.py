# case: unsafe
"""Shaped like rollbar's DRF handler: its imports sit under top-level tries."""
try:
    from rest_framework.views import exception_handler as _exception_handler
except ImportError:
    _exception_handler = None


def post_exception_handler(exc, context):
    try:
        context['request']._request.POST = context['request'].data
    except Exception:
        pass
    return _exception_handler(exc, context)
