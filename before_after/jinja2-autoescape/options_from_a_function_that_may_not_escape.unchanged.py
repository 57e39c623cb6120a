# case: unsafe
# case: refuses **options(debug) may hold autoescape: check by hand
"""A function of the project whose options escape on one path only."""
from jinja2 import Environment


def options(debug):
    if debug:
        return {"autoescape": False}
    return {"autoescape": True}


def render(text, debug=False):
    return Environment(**options(debug)).from_string(text).render()
