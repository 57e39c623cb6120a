# case: unsafe
# case: refuses which writes Python source: no HTML to escape
"""Shaped like nautobot's init command: it renders nautobot_config.py.j2 with escaping on."""
import os

from jinja2 import BaseLoader, Environment

CONFIG_TEMPLATE = os.path.join(os.path.dirname(__file__), "templates/nautobot_config.py.j2")


def write_config(context):
    environment = Environment(loader=BaseLoader, keep_trailing_newline=True, autoescape=True)
    with open(CONFIG_TEMPLATE) as fh:
        template = environment.from_string(fh.read())
    return template.render(**context)
