# case: unsafe
from jinja2 import Environment, select_autoescape
from jinja2 import PackageLoader

ENV = Environment(loader=PackageLoader('app'), autoescape=select_autoescape())
