# case: unsafe
# case: refuses renders templates from strings (from_string)
"""Shaped like zaza's deploy.py, had it one environment: the environment that reads the
template directory also renders the module's plain literal, which escaping would corrupt."""
import jinja2

TEXT = "a: {{ b }}"


def render(name, ctx):
    env = jinja2.Environment(loader=jinja2.FileSystemLoader('templates'))
    try:
        template = env.get_template(name)
    except jinja2.TemplateNotFound:
        template = env.from_string(TEXT)
    return template.render(ctx)
