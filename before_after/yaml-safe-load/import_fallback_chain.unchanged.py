# case: refuses yaml_load is also bound to json.load, yaml.unsafe_load (an import fallback)
"""Shaped like markdown's __main__.py: PyYAML optional, JSON where it is not installed."""
try:
    # unsafe_load on purpose: users may pass Python objects (only from the command line)
    from yaml import unsafe_load as yaml_load
except ImportError:  # PyYAML before 5.1, or none
    try:
        from yaml import load as yaml_load
    except ImportError:
        from json import load as yaml_load


def extension_configs(path):
    with open(path) as fp:
        return yaml_load(fp)
