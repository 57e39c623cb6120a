# case: refuses custom or unresolved Loader
"""A loader function that may return the full loader is no safe loader."""
import yaml


def _loader(fast):
    if fast:
        return yaml.CLoader
    return yaml.SafeLoader


def load(text):
    return yaml.load(text, Loader=_loader())
