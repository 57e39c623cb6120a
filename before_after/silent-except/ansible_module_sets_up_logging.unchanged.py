# case: refuses the module sets up the 'metalsmith' logger itself (addHandler()): log the exception with logging.getLogger('metalsmith') by hand
"""Shaped like metalsmith 2.5.0's metalsmith_ansible/ansible_plugins/modules/
metalsmith_instances.py: an Ansible module that sets logging up itself and returns the
'metalsmith' logger's text in its result (getLogger(__name__) is __main__ under Ansible)."""

import io
import logging

from ansible.module_utils.basic import AnsibleModule


def _release_nodes(provisioner, node_ids):
    for node in node_ids:
        try:
            provisioner.unprovision_node(node)
        except Exception:
            pass


def _configure_logging(log_level):
    logging.basicConfig(level=log_level)
    logger = logging.getLogger('metalsmith')
    log_stream = io.StringIO()
    logger.addHandler(logging.StreamHandler(log_stream))
    return log_stream


def main():
    module = AnsibleModule(argument_spec={})
    log_stream = _configure_logging(module.params['log_level'])
    _release_nodes(None, module.params['ids'])
    module.exit_json(changed=True, logging=log_stream.getvalue())
