CONF = object()
