# case: refuses loader is a SafeLoader of this module's
"""airbyte-cdk's utils/yaml_loader.py: a helper returns libyaml's CSafeLoader
where PyYAML has it, else SafeLoader (through getattr() and typing.cast()),
and the loader it gives is used: safe either way."""
from typing import IO, Any, Union, cast

import yaml


def _get_safe_loader() -> Union[type[yaml.SafeLoader], type[yaml.CSafeLoader]]:
    return cast(
        "Union[type[yaml.SafeLoader], type[yaml.CSafeLoader]]",
        getattr(yaml, "CSafeLoader", yaml.SafeLoader),
    )


def safe_load_yaml(stream: Union[str, bytes, IO[str], IO[bytes]]) -> Any:
    loader = _get_safe_loader()
    if loader is yaml.SafeLoader:
        return yaml.load(stream, Loader=yaml.SafeLoader)
    try:
        return yaml.load(stream, Loader=loader)
    except yaml.YAMLError:
        pass
    return yaml.load(stream, Loader=yaml.SafeLoader)
