# case: refuses CfnYamlLoader is a SafeLoader of this module's
"""Shaped like sceptre's CLI helpers: a SafeLoader that adds a constructor for ! tags."""
import yaml


class CfnYamlLoader(yaml.SafeLoader):
    pass


def _tag_constructor(loader, tag_suffix, node):
    return {tag_suffix: loader.construct_scalar(node)}


CfnYamlLoader.add_multi_constructor("!", _tag_constructor)


def read(stream):
    return yaml.load(stream, Loader=CfnYamlLoader)
