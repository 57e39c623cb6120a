# case: unsafe
# case: refuses already escapes HTML templates
from jinja2 import Environment, FileSystemLoader, select_autoescape

ENV = Environment(loader=FileSystemLoader('t'), autoescape=select_autoescape(['html']))
STRICT = Environment(loader=FileSystemLoader('t'), autoescape=True)
