# case: refuses this module adds a constructor for tag:yaml.org,2002:python/tuple to PrettySafeLoader
"""Shaped like buku's tests: the YAML, written by yaml.dump(), has tuple keys
(``? !!python/tuple``), which FullLoader builds and safe_load refuses."""
import yaml


class PrettySafeLoader(yaml.SafeLoader):
    def construct_python_tuple(self, node):
        return tuple(self.construct_sequence(node))


PrettySafeLoader.add_constructor(
    "tag:yaml.org,2002:python/tuple", PrettySafeLoader.construct_python_tuple
)


def load_result(stream):
    try:
        return yaml.load(stream, Loader=yaml.FullLoader)
    except RuntimeError:
        return yaml.load(stream, Loader=PrettySafeLoader)
