# case: unsafe
# case: refuses the options it is given (**kwargs) set autoescape=True
"""Shaped like aiohttp-jinja2's setup(): escaping is the default, which a caller may
turn off on purpose (its tests pin both)."""
import jinja2


def setup(*args, **kwargs):
    kwargs.setdefault("autoescape", True)
    return jinja2.Environment(*args, **kwargs)
