# case: unsafe
# case: refuses the function also loads the full YAML language with yaml.full_load()
"""robotframework's variable files: yaml.load() on PyYAML 3, yaml.full_load() after it."""
import yaml


def load_yaml(stream):
    if yaml.__version__.split(".")[0] == "3":
        return yaml.load(stream)
    return yaml.full_load(stream)
