# case: refuses a name with a part filled in from {log_uuid}, not a fixed name
# case: refuses an Ansible module runs on the host it manages
"""Shaped like zuul 14.3.0's zuul/ansible/base/library/command.py: the executor's command
module writes each task's output to a file named for the task's log id, on the build
node, where the zuul_console daemon finds it by that name and streams it."""
import os

from ansible.module_utils.basic import AnsibleModule


LOG_STREAM_FILE = '/tmp/console-{log_uuid}.log'


class Console:
    def __init__(self, log_uuid):
        if log_uuid == 'skip':
            self.logfile_name = os.devnull
        else:
            self.logfile_name = LOG_STREAM_FILE.format(log_uuid=log_uuid)

    def __enter__(self):
        self.logfile = open(self.logfile_name, 'ab', buffering=0)
        return self

    def __exit__(self, etype, value, tb):
        self.logfile.close()


def main():
    module = AnsibleModule(argument_spec=dict(zuul_log_id=dict(type='str')))
    with Console(module.params['zuul_log_id']) as console:
        console.logfile.write(b'started\n')
    module.exit_json(changed=True)
