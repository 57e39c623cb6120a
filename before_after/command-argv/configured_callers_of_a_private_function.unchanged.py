# case: ignores every call of a private function passes an operator's configured command line, a shell command by design (noted where a report asks)
"""Shaped like ironic-inspector 12.5.0's ironic_inspector/pxe_filter/dnsmasq.py: _execute(cmd)
runs dnsmasq_start_command and dnsmasq_stop_command, options documented as "A (shell)
command line", through a shell."""
from oslo_concurrency import processutils
from oslo_config import cfg

CONF = cfg.CONF
_ROOTWRAP_COMMAND = 'sudo ironic-inspector-rootwrap {rootwrap_config!s}'


class DnsmasqFilter:
    def reset(self):
        _execute(CONF.dnsmasq_pxe_filter.dnsmasq_stop_command,
                 ignore_errors=True)

    def init_filter(self):
        _execute(CONF.dnsmasq_pxe_filter.dnsmasq_start_command)


def _execute(cmd=None, ignore_errors=False):
    # e.g: '/bin/kill $(cat /var/run/dnsmasq.pid)'
    if not cmd:
        return

    helper = _ROOTWRAP_COMMAND.format(rootwrap_config=CONF.rootwrap_config)
    processutils.execute(cmd, run_as_root=True, root_helper=helper, shell=True,
                         check_exit_code=not ignore_errors)
