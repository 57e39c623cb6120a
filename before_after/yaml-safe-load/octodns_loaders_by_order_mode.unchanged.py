# case: refuses loader is a SafeLoader of this module's
# case: refuses _loaders[order_mode] is a SafeLoader of this module's
# case: refuses _loaders.get(order_mode, ContextLoader) is a SafeLoader of this module's
"""octodns's yaml.py: safe_load() picks its loader from a module-level dict of
SafeLoader subclasses (by order_mode), else ContextLoader: safe whichever."""
from yaml import SafeLoader, load


class ContextLoader(SafeLoader):
    pass


class NaturalSortEnforcingLoader(ContextLoader):
    pass


class SimpleSortEnforcingLoader(ContextLoader):
    pass


_loaders = {
    'natural': NaturalSortEnforcingLoader,
    'simple': SimpleSortEnforcingLoader,
}


class InvalidOrder(Exception):
    def __init__(self, order_mode):
        options = '", "'.join(_loaders.keys())
        super().__init__(f'Invalid order_mode, "{order_mode}", options are "{options}"')


def safe_load(stream, enforce_order=True, order_mode='natural'):
    if enforce_order:
        try:
            loader = _loaders[order_mode]
        except KeyError as e:
            raise InvalidOrder(order_mode) from e
    else:
        loader = ContextLoader

    return load(stream, loader)


def load_direct(stream, order_mode):
    return load(stream, _loaders[order_mode])


def load_or_default(stream, order_mode):
    return load(stream, _loaders.get(order_mode, ContextLoader))
