# case: unsafe
# case: refuses renders only templates written in the module, with no markup in them
"""Shaped like copr-cli's mock profile and keepalived's configuration: text, no HTML."""
import jinja2

TEMPLATE = """\
config_opts['root'] = '{{ rootdir }}'
baseurl={{ repo.baseurl }}
"""

ENV = jinja2.Environment(trim_blocks=True)
KEEPALIVED = ENV.from_string('vrrp_instance {{ name }} {\n}\n')
PROFILE = ENV.from_string(TEMPLATE)
