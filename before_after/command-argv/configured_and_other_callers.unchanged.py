# case: refuses the command string 'cmd' cannot be traced to one template in this function: check that what its callers pass is quoted
# case: refuses the command string 'line' cannot be traced to one template in this function: check that what its callers pass is quoted
"""Configured command lines among other callers: one call passes a value that is not the
operator's configuration, or the function is public, so another module may call it."""
from oslo_concurrency import processutils
from oslo_config import cfg

CONF = cfg.CONF


def _execute(cmd):
    processutils.execute(cmd, shell=True)


def execute(line):
    processutils.execute(line, shell=True)


def main(name):
    _execute(CONF.dnsmasq_pxe_filter.dnsmasq_start_command)
    _execute('/bin/kill ' + name)
    execute(CONF.dnsmasq_pxe_filter.dnsmasq_stop_command)
