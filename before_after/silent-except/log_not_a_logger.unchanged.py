# case: refuses LOG is bound to something that is not known to be a logger
LOG = []


def record(event):
    try:
        LOG.append(event.describe())
    except Exception:
        pass
