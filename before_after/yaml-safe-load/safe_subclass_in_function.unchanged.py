# case: refuses _Loader's !include constructor opens any file or URL the document names
"""Shaped like copier's _template.py: a SafeLoader with an !include, made where it loads:
one of the module's safe loaders, but its !include opens any file the document names."""
import yaml


def load_template_config(conf_path):
    class _Loader(yaml.SafeLoader):
        pass

    def _include(loader, node):
        with open(loader.construct_scalar(node)) as f:
            return yaml.safe_load(f)

    _Loader.add_constructor("!include", _include)
    with open(conf_path) as f:
        return list(yaml.load_all(f, Loader=_Loader))
