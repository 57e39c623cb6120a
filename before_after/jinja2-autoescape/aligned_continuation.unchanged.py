# case: unsafe
# case: refuses or would shift an aligned continuation line
import jinja2


def page(loader, name, fallback):
    # autoescape would push the bracket that the next line is aligned under.
    return jinja2.Environment(loader=loader).get_template(name, [fallback,
                                                                 None])
