#!/usr/bin/env python

# NOTE: XenServer still only supports Python 2.4 in its dom0 userspace,
# which means the plugins must use only Python 2.4 features.
"""Shaped like os-xenapi's dom0 plugins: Python 2.4 has no with statement."""
import json

CONFIG_FILE = '/etc/xapi.d/plugins/config.json'


def write_config(config):
    conf_file = open(CONFIG_FILE, 'w')
    try:
        json.dump(config, conf_file)
    finally:
        conf_file.close()
