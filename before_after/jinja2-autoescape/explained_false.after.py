# case: unsafe
import jinja2


def render_sdk(loader):
    env = jinja2.Environment(
        loader=loader,
        autoescape=False,  # We're generating Python code, not HTML
        keep_trailing_newline=True,
    )
    return env


def papis_env():
    # NOTE: this will kindly autoescape apostrophes otherwise
    return jinja2.Environment(autoescape=False)


def bare():
    return jinja2.Environment(
        # the loader comes first
        autoescape=jinja2.select_autoescape())
