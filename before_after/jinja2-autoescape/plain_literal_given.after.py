# case: unsafe
"""A literal with a "<" that starts no tag is no markup: the page is escaped as any other."""
import jinja2

TITLE = "Hosts with load < 1.0"


def page(hosts):
    env = jinja2.Environment(loader=jinja2.PackageLoader('monitor'),
                             autoescape=jinja2.select_autoescape())
    return env.get_template('hosts.html').render(title=TITLE, hosts=hosts)
