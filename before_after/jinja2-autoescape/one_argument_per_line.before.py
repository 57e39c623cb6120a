# case: unsafe
"""Shaped like molten's templates: one argument per line below the bracket, so the new
keyword takes a line of its own too."""
import jinja2


def make(loader):
    return jinja2.Environment(
        loader=loader,
    )
