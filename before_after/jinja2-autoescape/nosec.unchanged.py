# case: unsafe
# case: refuses marked # nosec or # noqa: the project accepted this line as it is
import jinja2


def render(path, name, values):
    env = jinja2.Environment(  # nosec
        loader=jinja2.FileSystemLoader(path),
        trim_blocks=True)
    return env.get_template(name).render(values)
