"""planemo's reports/build_report.py, with a key only the running code knows."""
# case: unsafe
# case: refuses **env_kwargs may hold autoescape
from jinja2 import Environment, PackageLoader


def template_data(environment, template_name, option):
    env_kwargs = {}
    env_kwargs[option] = True
    env = Environment(loader=PackageLoader("planemo", "reports"), **env_kwargs)
    template = env.get_template(template_name)
    return template.render(**environment)
