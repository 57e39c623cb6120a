"""planemo's reports/build_report.py: options filled only by keys other than autoescape."""
from jinja2 import Environment, PackageLoader, select_autoescape
# case: unsafe


def template_data(environment, template_name):
    env_kwargs = {}
    if template_name == "report_markdown.tpl":
        env_kwargs["keep_trailing_newline"] = True
        env_kwargs["trim_blocks"] = True
    env = Environment(loader=PackageLoader("planemo", "reports"), **env_kwargs,
                      autoescape=select_autoescape())
    template = env.get_template(template_name)
    return template.render(**environment)
