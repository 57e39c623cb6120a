# case: unsafe
# case: refuses marked for its scanner (# nosec, # noqa, # ruff:ignore or # pylint: disable): the project accepted this line
import jinja2


def render(path, name, values):
    env = jinja2.Environment(  # nosec
        loader=jinja2.FileSystemLoader(path),
        trim_blocks=True)
    return env.get_template(name).render(values)
