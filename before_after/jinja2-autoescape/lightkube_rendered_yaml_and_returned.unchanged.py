"""lightkube's codecs.py, with a second render returned as it is: what that one produces is
not known, so the advice stands."""
# case: unsafe
# case: refuses renders templates from strings (from_string)
import jinja2
import yaml

ENV = jinja2.Environment(trim_blocks=True)


def load(stream, context):
    text = ENV.from_string(stream).render(**context)
    return list(yaml.safe_load_all(text))


def render(stream, context):
    return ENV.from_string(stream).render(**context)
