# case: unsafe
# case: refuses the options it is given (**get_jinja_env_options()) set autoescape=True
"""Shaped like ckan's e-mail notifications: the environment takes its options from a
function of the project (ckan/lib/jinja_extensions.py), every return of it a dict that
escapes."""
from jinja2 import Environment, FileSystemLoader


def get_jinja_env_options():
    return dict(
        loader=FileSystemLoader("templates"),
        autoescape=True,
        extensions=["jinja2.ext.do"],
    )


def render(name, **variables):
    env = Environment(**get_jinja_env_options())
    return env.get_template(name).render(**variables)
