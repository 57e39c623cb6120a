"""Loads the service configuration."""

import yaml


def load_settings(path):
    with open(path) as handle:
        return yaml.load(handle, Loader=yaml.FullLoader)
