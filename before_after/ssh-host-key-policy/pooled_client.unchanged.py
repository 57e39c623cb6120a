# case: unsafe
# case: refuses the client comes from self.pool.item() and is not connected here
import paramiko


class Driver:
    def run(self, command):
        with self.pool.item() as ssh:
            # The pool connected this client: a policy set now decides nothing.
            ssh.set_missing_host_key_policy(paramiko.AutoAddPolicy())
            return ssh.exec_command(command)
