# case: refuses SafeLineLoader is a SafeLoader of this module's
"""Shaped like checkov's yaml loader: SafeLoader imported from yaml.loader, where PyYAML
defines it."""
import yaml
from yaml.loader import SafeLoader


def loads(content):
    return list(yaml.load_all(content, Loader=SafeLineLoader))


def loads_plain(content):
    return yaml.load(content, Loader=yaml.loader.SafeLoader)


class SafeLineLoader(SafeLoader):
    def construct_mapping(self, node, deep=False):
        mapping = super().construct_mapping(node, deep=deep)
        mapping["__line__"] = node.start_mark.line + 1
        return mapping
