# case: refuses jinja2 is imported inside the function only, not at module level
"""Shaped like Fabric's upload_template(): Jinja2 is optional, imported where used."""


def upload_template(filename, context, template_dir):
    try:
        from jinja2 import Environment, FileSystemLoader
        env = Environment(loader=FileSystemLoader(template_dir))
        return env.get_template(filename).render(**context)
    except ImportError:
        return None
