# case: unsafe
# case: refuses renders templates from strings (from_string)
import jinja2

ENV = jinja2.Environment(trim_blocks=True)


def render(source, values):
    return ENV.from_string(source).render(values)
