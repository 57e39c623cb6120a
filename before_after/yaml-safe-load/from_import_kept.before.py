from yaml import load
from yaml import SafeLoader


def read_settings(text):
    return load(text)


def read_trusted(text):
    # Already safe: load stays imported; safe_load gets a line of its own.
    return load(text, Loader=SafeLoader)
