# case: unsafe
# case: refuses lookup only parses (lookup.parse)
"""Shaped like nikola's jinjify.py: converted templates checked for syntax, never rendered."""
import json
import os

import jinja2


def check_templates(out_templates_path, names):
    lookup = jinja2.Environment()
    lookup.filters['tojson'] = json.dumps
    lookup.loader = jinja2.FileSystemLoader([out_templates_path])
    for name in names:
        source = lookup.loader.get_source(lookup, os.path.basename(name))[0]
        lookup.parse(source)
