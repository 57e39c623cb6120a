# case: refuses self.__class__ is ContextLoader, a SafeLoader of this module's, or a subclass
# case: refuses type(self) is ContextLoader, a SafeLoader of this module's, or a subclass
# case: refuses cls is ContextLoader, a SafeLoader of this module's, or a subclass
"""octodns's yaml.py: ContextLoader(SafeLoader) loads an !include with its own class
(self.__class__: ContextLoader, or one of the sorting loaders based on it)."""
from os.path import dirname, join

from yaml import SafeLoader, load


class ContextLoader(SafeLoader):
    def construct_include(self, node):
        filename = join(dirname(self.get_mark().name), self.construct_scalar(node))
        with open(filename, 'r') as fh:
            return load(fh, self.__class__)

    def construct_again(self, node):
        return load(self.construct_scalar(node), type(self))

    @classmethod
    def read(cls, fh):
        return load(fh, cls)


class SortEnforcingLoader(ContextLoader):
    pass
