# case: unsafe
# case: refuses renders only deployment.j2, host_vars.yaml
import os

import jinja2

TEMPLATES = os.path.join(os.path.dirname(__file__), 'templates')


def render_deployment(context):
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES))
    return env.get_template('deployment.j2').render(context)


def render_host_vars(env, context):
    return env.select_template(['host_vars.yaml']).render(context)
