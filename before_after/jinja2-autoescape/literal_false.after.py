# case: unsafe
from jinja2 import Environment
from jinja2 import PackageLoader
from jinja2 import select_autoescape

ENV = Environment(loader=PackageLoader('app'), autoescape=select_autoescape())
