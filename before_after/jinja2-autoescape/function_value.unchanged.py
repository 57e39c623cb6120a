# case: unsafe
# case: refuses autoescape=guess_autoescape decides per template or elsewhere
# case: refuses autoescape=settings.ESCAPE decides per template or elsewhere
import jinja2


def guess_autoescape(name):
    return name is not None and name.endswith(('.html', '.xml'))


ENV = jinja2.Environment(autoescape=guess_autoescape)
OTHER = jinja2.Environment(autoescape=settings.ESCAPE)
