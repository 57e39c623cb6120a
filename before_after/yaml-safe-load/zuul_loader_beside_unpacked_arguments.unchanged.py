# case: refuses SafeLoader is a SafeLoader of this module's
# case: refuses EncryptedLoader is a SafeLoader of this module's
"""Shaped like zuul's lib/yamlutil.py: the loader is given by keyword beside *args and
**kwargs, which cannot hold a second one (a duplicate keyword is a TypeError), and it is
cyaml's CSafeLoader, else yaml's SafeLoader."""
import yaml

try:
    from yaml import cyaml
    import _yaml
    SafeLoader = cyaml.CSafeLoader
    Mark = _yaml.Mark
except ImportError:
    SafeLoader = yaml.SafeLoader
    Mark = yaml.Mark


class Encrypted:
    yaml_tag = u'!encrypted'

    def __init__(self, ciphertext):
        self.ciphertext = ciphertext

    @classmethod
    def from_yaml(cls, loader, node):
        return cls(node.value)


def safe_load(stream, *args, **kwargs):
    return yaml.load(stream, *args, Loader=SafeLoader, **kwargs)


class EncryptedLoader(SafeLoader):
    pass


EncryptedLoader.add_constructor(Encrypted.yaml_tag, Encrypted.from_yaml)


def encrypted_load(stream, *args, **kwargs):
    return yaml.load(stream, *args, Loader=EncryptedLoader, **kwargs)
