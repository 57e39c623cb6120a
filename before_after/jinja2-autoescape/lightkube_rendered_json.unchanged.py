"""lightkube's codecs.py, loading JSON: the rendered text is parsed by json.loads, through a
name and directly."""
# case: unsafe
# case: refuses the rendered text is parsed as data (json.loads)
import json

import jinja2
import yaml


def load(stream, context):
    env = jinja2.Environment()
    return json.loads(env.from_string(stream).render(**context))


def load_yaml(stream, context):
    env = jinja2.Environment(trim_blocks=True)
    text = env.from_string(stream).render(**context)
    return list(yaml.safe_load_all(text))
