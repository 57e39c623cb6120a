"""lightkube's codecs.py: a template rendered by a helper of the module, then parsed as YAML."""
# case: unsafe
# case: refuses the rendered text is parsed as data (yaml.safe_load_all)
from typing import Optional, TextIO, Union

import yaml


def load_all_yaml(stream: Union[str, TextIO], context: Optional[dict] = None, template_env=None):
    """Load resources from a yaml file, or a template resulting in a yaml file."""
    if context is not None:
        stream = _template(stream, context=context, template_env=template_env)

    def _flatten(objects):
        return [obj for obj in objects if obj is not None]

    return _flatten(yaml.safe_load_all(stream))


def _template(stream: Union[str, TextIO], context: Optional[dict] = None, template_env=None) -> str:
    try:
        import jinja2
    except ImportError as e:
        raise ImportError("load_from_template requires jinja2 to be installed") from e

    if template_env is None:
        template_env = jinja2.Environment(trim_blocks=True, lstrip_blocks=True)
    elif not isinstance(template_env, jinja2.Environment):
        raise ValueError("template_env is not a valid jinja2 template")

    tmpl = template_env.from_string(stream if isinstance(stream, str) else stream.read())
    return tmpl.render(**context)
