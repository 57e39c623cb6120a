# case: unsafe
# case: refuses env only parses (env.parse)
"""Shaped like junos-eznc's table loader: expressions parsed, then evaluated by the code."""
from jinja2 import Environment


def compile_fields(view):
    fields = {}
    for key, expression in view.get("eval", {}).items():
        env = Environment()
        fields[key] = env.parse(expression)
    return fields
