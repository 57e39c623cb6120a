# case: refuses an Ansible module or plugin
from ansible.module_utils.basic import AnsibleModule


def main():
    module = AnsibleModule(argument_spec={'pid': {'type': 'int'}})
    try:
        kill_stream(module.params['pid'])
    except Exception:
        pass
    module.exit_json(changed=True)
