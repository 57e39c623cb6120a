# case: refuses _SafeLoader is a SafeLoader of this module's
"""Shaped like rally's cli/yamlutils.py: a subclass of SafeLoader reached through PyYAML's
own module (``from yaml import loader``), which builds an OrderedDict for each mapping."""
import collections

import yaml
from yaml import constructor
from yaml import loader
from yaml import nodes
from yaml import resolver


def _construct_mapping(loader, node, deep=False):
    keys = []
    if isinstance(node, nodes.MappingNode):
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=deep)
            if key in keys:
                raise constructor.ConstructorError(
                    "while constructing a mapping",
                    node.start_mark,
                    "the key (%s) is redefined" % key,
                    key_node.start_mark,
                )
            keys.append(key)
    return collections.OrderedDict(loader.construct_pairs(node))


class _SafeLoader(loader.SafeLoader):
    pass


_SafeLoader.add_constructor(
    resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping
)


def safe_load(stream):
    return yaml.load(stream, _SafeLoader)
