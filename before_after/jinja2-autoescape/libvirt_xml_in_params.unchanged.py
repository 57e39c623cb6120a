# case: unsafe
# case: refuses vm.xml is given markup (console: CONSOLE_LOG, which holds <serial type='file'>)
"""Shaped like ironic's devstack/tools/ironic/scripts/configure-vm.py: the parameters of
vm.xml are a dict the function builds, its console a literal of libvirt XML (formatted
with %, or another literal), and the rendered domain goes to libvirt, not a browser."""
import os.path

import jinja2
import libvirt

templatedir = os.path.join(os.path.dirname(os.path.dirname(__file__)), 'templates')

CONSOLE_LOG = """
    <serial type='file'>
      <source path='%(console_log)s'/>
    </serial>
"""

CONSOLE_PTY = """
    <serial type='pty'>
      <target port='0'/>
    </serial>
"""


def main(args):
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(templatedir))
    template = env.get_template('vm.xml')
    params = {
        'name': args.name,
        'memory': args.memory,
    }
    if args.console_log:
        params['console'] = CONSOLE_LOG % {'console_log': args.console_log}
    else:
        params['console'] = CONSOLE_PTY
    libvirt_template = template.render(**params)
    conn = libvirt.open("qemu:///system")
    conn.defineXML(libvirt_template)
