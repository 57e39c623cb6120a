"""nbdime's webapp/nbdimeserver.py: autoescape=False last, on a line already 81 columns."""
# case: unsafe
from jinja2 import Environment, FileSystemLoader, select_autoescape


def make_app(template_path, base_url):
    env = Environment(loader=FileSystemLoader([template_path]),
                      autoescape=select_autoescape())
    settings = {
        'base_url': base_url,
        'jinja2_env': env,
    }
    return settings
