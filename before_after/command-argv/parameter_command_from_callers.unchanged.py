# case: refuses the command string 'command' cannot be traced to one template in this function: check that what its callers pass is quoted
"""Shaped like ec2instanceconnectcli's EC2InstanceConnectCLI.py: the shell line is a parameter."""
import time
from subprocess import Popen


class EC2InstanceConnectCLI:
    def run_command(self, command=None):
        if not command:
            raise ValueError('Must provide a command')

        invocation_proc = Popen(command, shell=True)
        while invocation_proc.poll() is None:
            time.sleep(0.1)
        return invocation_proc.returncode

    def invoke_command(self):
        return self.run_command(self.cli_command.get_command())
