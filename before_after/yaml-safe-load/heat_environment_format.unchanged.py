# case: project heat heat/common/environment_format.py
# case: refuses template_format.yaml_loader is a SafeLoader of the project's
"""Shaped like openstack-heat 27.0.1's heat/common/environment_format.py: the load goes
through template_format's own `import yaml` (PyYAML, by attribute), with its SafeLoader
subclass, which reads dates as str: already safe, and safe_load would drop its
constructors."""
import yaml

from heat.common import template_format


def parse(env_str):
    """Takes a string and returns a dict containing the parsed structure."""
    try:
        env = template_format.yaml.load(env_str,
                                        Loader=template_format.yaml_loader)
    except yaml.YAMLError:
        # NOTE(prazumovsky): we need to return more informative error for
        # user, so use SafeLoader, which return error message with template
        # snippet where error has been occurred.
        try:
            env = yaml.load(env_str, Loader=yaml.SafeLoader)
        except yaml.YAMLError as yea:
            raise ValueError(yea)
    return env or {}
