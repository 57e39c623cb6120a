# case: refuses cls._get_yaml_loader() is a SafeLoader of this module's (every one its function returns)
"""capa's rules: the loader comes from a cached function that returns libyaml's
CSafeLoader, else PyYAML's own SafeLoader: safe either way."""
from functools import lru_cache

import yaml


class Rule:
    @staticmethod
    @lru_cache
    def _get_yaml_loader():
        try:
            return yaml.CSafeLoader
        except Exception:
            return yaml.SafeLoader

    @classmethod
    def from_yaml(cls, text):
        return yaml.load(text, Loader=cls._get_yaml_loader())
