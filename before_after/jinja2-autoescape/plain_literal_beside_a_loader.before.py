# case: unsafe
# case: refuses renders only templates written in the module, with no markup in them
"""Shaped like zaza's charm_lifecycle/deploy.py: a FileSystemLoader environment renders the
overlay templates; another environment renders the module's plain overlay literal."""
import jinja2

TEXT = "a: {{ b }}"


def page(ctx):
    env = jinja2.Environment(loader=jinja2.FileSystemLoader('templates'))
    return env.get_template('index.html').render(ctx)


def plain(ctx):
    return jinja2.Environment(loader=jinja2.BaseLoader).from_string(TEXT).render(ctx)
