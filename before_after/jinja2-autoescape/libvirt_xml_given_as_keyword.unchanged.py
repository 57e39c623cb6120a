# case: unsafe
# case: refuses vm.xml is given markup (console: CONSOLE, which holds <serial type='pty'>)
"""Shaped like ironic's devstack/tools/ironic/scripts/configure-vm.py: the libvirt domain
template vm.xml is given its serial console as a literal of libvirt XML. Escaped, it would
come out as &lt;serial type=&#39;pty&#39;&gt; and the VM would have no console."""
import os

import jinja2

CONSOLE = """
    <serial type='pty'>
      <target port='0'/>
    </serial>
"""


def render(name):
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(
        os.path.join(os.path.dirname(__file__), 'templates')))
    return env.get_template('vm.xml').render(name=name, console=CONSOLE)
