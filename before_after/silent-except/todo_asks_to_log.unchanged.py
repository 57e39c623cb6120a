# case: unsafe
# case: refuses a filter: the loop skips the items whose values cannot be read
"""Shaped like radicale's create_collection: a TODO asks for the log line, it documents
no decision to swallow (and the loop skips what it cannot read, so nothing is fixed)."""


def read_all(paths, parse):
    found = []
    for path in paths:
        try:
            item = parse(path)
        except Exception:
            # TODO: Log exception?
            continue
        found.append(item)
    return found
