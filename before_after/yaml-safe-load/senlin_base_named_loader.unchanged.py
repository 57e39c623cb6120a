# case: refuses YamlLoader is a SafeLoader of this module's
# case: refuses Loader is a SafeLoader of this module's
"""Shaped like senlin's engine/parser.py: the module's own name ``Loader`` is PyYAML's C
safe loader where it has one, else SafeLoader, and the module's loader is based on it."""
import yaml

if hasattr(yaml, 'CSafeLoader'):
    Loader = yaml.CSafeLoader
else:
    Loader = yaml.SafeLoader


class YamlLoader(Loader):
    def process_unicode(self, node):
        return self.construct_scalar(node)


YamlLoader.add_constructor(u'tag:yaml.org,2002:str', YamlLoader.process_unicode)


def simple_parse(in_str):
    return yaml.load(in_str, Loader=YamlLoader)


def plain_parse(in_str):
    return yaml.load(in_str, Loader=Loader)
