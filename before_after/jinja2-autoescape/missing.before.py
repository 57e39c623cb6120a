# case: unsafe
import jinja2


def environment(path):
    return jinja2.Environment(loader=jinja2.FileSystemLoader(path))


def report_environment(path):
    return jinja2.Environment(loader=jinja2.FileSystemLoader(path),
                              trim_blocks=True)
