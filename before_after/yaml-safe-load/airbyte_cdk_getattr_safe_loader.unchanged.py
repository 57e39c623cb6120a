# case: refuses loader is a SafeLoader of this module's
# case: refuses getattr(yaml, "CSafeLoader", yaml.SafeLoader) is a SafeLoader of PyYAML's
# case: refuses _fastest() is a SafeLoader of this module's
"""airbyte-cdk's utils/yaml_loader.py, its loader written in place:
libyaml's CSafeLoader where PyYAML has it, else SafeLoader."""
import yaml


def _fastest():
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse(text):
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(text, Loader=loader)


def parse_inline(text):
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def parse_fastest(text):
    return yaml.load(text, Loader=_fastest())
