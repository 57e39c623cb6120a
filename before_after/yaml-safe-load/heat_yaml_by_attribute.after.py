# case: unsafe
# case: project heat heat/common/env_reader.py
# case: refuses template_format.yaml_loader is a SafeLoader of the project's
"""Shaped like openstack-heat 27.0.1's heat/common/environment_format.py: PyYAML is
reached as template_format.yaml (template_format.py does `import yaml`), and the module's
own `import yaml` only catches its errors, with no yaml.load of its own. The unsafe
loader, reached the same way, gets the review fix that `from ... import yaml` gets."""
import yaml

from heat.common import template_format


def parse(env_str):
    try:
        return template_format.yaml.load(env_str,
                                         Loader=template_format.yaml_loader)
    except yaml.YAMLError:
        return None


def parse_unsafe(env_str):
    return template_format.yaml.safe_load(env_str)
