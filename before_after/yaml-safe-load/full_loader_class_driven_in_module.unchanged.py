# case: refuses ConfigLoader is based on FullLoader, PyYAML's unsafe loader
# case: refuses the project loads with its loaders by hand (
"""A loader class on PyYAML's FullLoader that its own module drives with
get_single_data(): no yaml.load() names it."""
from yaml import FullLoader


class ConfigLoader(FullLoader):
    def __init__(self, stream, path):
        super().__init__(stream)
        self.name = path

    def construct_include(self, node):
        return self.construct_scalar(node)


ConfigLoader.add_constructor("!include", ConfigLoader.construct_include)


def read(path):
    loader = ConfigLoader(open(path).read(), path)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()
