# case: unsafe
# case: refuses cls is the class this classmethod is called on, which defines no delete() and has no base that could: cls.create() is not the pair's
"""Shaped like label-studio-sdk's LabelInterface.create_instance(): cls.create() builds a
config string, neither a new object of the class nor anything a delete() would release."""
from . import create as CE


class LabelInterface:
    @classmethod
    def create(cls, tags, mapping=None, pretty=True, *args, **kwargs):
        tuples = CE.convert_tags_description(tags, mapping=mapping)
        tree = CE.tree_from_tuples(*tuples)
        return CE.tree_to_string(tree, pretty=pretty)

    @classmethod
    def create_instance(cls, *args, **kwargs):
        config = cls.create(*args, **kwargs)
        return cls(config=config, **kwargs)

    def __init__(self, config, tags_mapping=None, *args, **kwargs):
        self._config = config
