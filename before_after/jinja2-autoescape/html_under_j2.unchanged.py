# case: unsafe
# case: refuses renders index.html.j2, which select_autoescape() does not escape
import jinja2

ENV = jinja2.Environment(loader=jinja2.PackageLoader('dashboard'))


def index(context):
    return ENV.get_template('index.html.j2').render(context)
