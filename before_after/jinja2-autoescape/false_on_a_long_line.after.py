"""nbdime's webapp/nbdimeserver.py, its only argument: a line already past 79 columns grows."""
# case: unsafe
import jinja2


def make_app(base_url):
    environment_of_the_notebook_differ_web_application = jinja2.Environment(autoescape=jinja2.select_autoescape())
    return environment_of_the_notebook_differ_web_application
