# case: refuses the project adds constructors or resolvers to PyYAML's default loaders
"""Shaped like pywb's loaders.py: ${VAR} in the config is expanded by a constructor added
to the default loaders, which safe_load does not use."""
import os
import re

import yaml


def init_yaml_env_vars():
    yaml.add_implicit_resolver("!envvar", re.compile(r"\$\{[^}]+\}"))
    yaml.add_constructor("!envvar", lambda loader, node: os.path.expandvars(
        loader.construct_scalar(node)))


def load_config(text):
    return yaml.load(text, Loader=yaml.Loader)


init_yaml_env_vars()
