# case: refuses AutoAddPolicy is chosen by a setting here (where its test fails, paramiko's default RejectPolicy holds): change the setting's default
"""Like openshift-client's context.py, but the factory's default trusts every host: off in
__init__ is not off for the callers of connect_to()."""
import paramiko


class Context:
    def __init__(self):
        self.hostname = None
        self.auto_add_host = False

    def reconnect(self):
        client = paramiko.SSHClient()
        client.load_system_host_keys()
        if self.auto_add_host:
            client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
        client.connect(self.hostname)
        return client


def connect_to(hostname, auto_add_host=True):
    c = Context()
    c.hostname = hostname
    c.auto_add_host = auto_add_host
    return c.reconnect()
