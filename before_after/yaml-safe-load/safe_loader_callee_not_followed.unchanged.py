# case: refuses already uses a safe loader
"""Shaped like openstack-heat 27.0.1's heat/common/environment_format.py, read alone: the
module template_format is not read, so its yaml.load cannot be followed to PyYAML's, but
the Loader given is PyYAML's SafeLoader: whatever loads with it, the call is already
safe, and no advice to use safe_load is due."""
import yaml

from heat.common import template_format


def parse(env_str):
    return template_format.yaml.load(env_str, Loader=yaml.SafeLoader)
