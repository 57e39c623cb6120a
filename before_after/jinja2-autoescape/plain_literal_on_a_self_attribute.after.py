# case: unsafe
# case: refuses renders only templates written in the module, with no markup in them
"""Shaped like zaza's deploy.py, in a class: the environment bound to self.env renders the
module's plain literal; the one bound to self.pages reads a directory of templates."""
import jinja2

TEXT = "a: {{ b }}"


class Renderer:
    def __init__(self):
        self.env = jinja2.Environment()
        loader = jinja2.FileSystemLoader('templates')
        self.pages = jinja2.Environment(loader=loader,
                                        autoescape=jinja2.select_autoescape())

    def plain(self, ctx):
        return self.env.from_string(TEXT).render(ctx)

    def page(self, ctx):
        return self.pages.get_template('index.html').render(ctx)
