# case: refuses YamlLoader's !include constructor opens any file or URL the document names
"""Shaped like senlin's engine/parser.py: a SafeLoader subclass whose !include constructor
reads whatever URL (file:// or http://) or path the document names."""
import os
import urllib

import yaml


class YamlLoader(yaml.SafeLoader):
    def normalise_file_path_to_url(self, path):
        if urllib.parse.urlparse(path).scheme:
            return path
        path = os.path.abspath(path)
        return urllib.parse.urljoin('file:', urllib.request.pathname2url(path))

    def include(self, node):
        url = self.normalise_file_path_to_url(self.construct_scalar(node))
        tmpl = urllib.request.urlopen(url).read()
        return yaml.safe_load(tmpl)

    def process_unicode(self, node):
        return self.construct_scalar(node)


YamlLoader.add_constructor('!include', YamlLoader.include)
YamlLoader.add_constructor(u'tag:yaml.org,2002:str', YamlLoader.process_unicode)


def simple_parse(in_str):
    return yaml.load(in_str, Loader=YamlLoader)
