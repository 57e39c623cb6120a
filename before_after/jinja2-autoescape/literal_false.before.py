# case: unsafe
from jinja2 import Environment
from jinja2 import PackageLoader

ENV = Environment(loader=PackageLoader('app'), autoescape=False)
