# case: unsafe
import jinja2

ENV = jinja2.Environment(loader=jinja2.PackageLoader('dashboard'))


def index(context):
    return ENV.get_template('index.html').render(context)


def config(context):
    return ENV.get_template('dashboard.conf').render(context)
