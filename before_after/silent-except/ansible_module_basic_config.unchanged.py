# case: refuses the module sets up logging itself (logging.basicConfig()): log the exception by hand with a logger it configures
"""An Ansible module that calls logging.basicConfig() itself, shaped like metalsmith 2.5.0's
metalsmith_instances.py without its named logger."""

import logging

from ansible.module_utils.basic import AnsibleModule


def _release(client, ids):
    for i in ids:
        try:
            client.delete(i)
        except Exception:
            pass


def main():
    logging.basicConfig(level=logging.DEBUG)
    module = AnsibleModule(argument_spec={})
    _release(None, module.params['ids'])
    module.exit_json(changed=True)
