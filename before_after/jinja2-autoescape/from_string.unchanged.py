# case: unsafe
# case: refuses renders templates from strings (from_string)
import jinja2

ENV = jinja2.Environment(trim_blocks=True)
KEEPALIVED = ENV.from_string('vrrp_instance {{ name }} {\n}\n')
