# case: refuses its templates are values of YAML documents (the module defines the tag !j2:)
# case: refuses not HTML
"""Shaped like jenkins-job-builder 6.5.0's jenkins_jobs/yaml_objects.py: the `!j2:` tag
renders its node's text with Jinja2 into a value of the job's YAML (a shell builder's
body), which ElementTree escapes when it writes the job's XML; autoescape would turn
`&&` into `&amp;&amp;`."""
import jinja2
import yaml


class BaseYamlObject(yaml.YAMLObject):
    @classmethod
    def from_yaml(cls, loader, node):
        value = loader.construct_yaml_str(node)
        return cls(loader.jjb_config, loader, value)


class J2Template(BaseYamlObject):
    yaml_tag = "!j2:"

    def __init__(self, jjb_config, loader, template_text):
        self._jinja2_env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(jjb_config.search_path),
            undefined=jinja2.StrictUndefined,
        )
        self._template = self._jinja2_env.from_string(template_text)

    def expand(self, params):
        return self._template.render(params)
