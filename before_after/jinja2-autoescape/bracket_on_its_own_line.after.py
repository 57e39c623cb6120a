# case: unsafe
"""The last argument on a line of its own, the bracket below it: the keyword goes on a
line of its own between them (W291 and E122 before)."""
import jinja2


def make2(path):
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(path),
        autoescape=jinja2.select_autoescape()
    )
