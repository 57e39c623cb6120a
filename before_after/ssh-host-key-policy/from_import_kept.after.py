# case: unsafe
from paramiko import AutoAddPolicy
from paramiko import RejectPolicy
from paramiko import SSHClient

# Still named here: AutoAddPolicy stays imported, RejectPolicy comes next.
LEGACY_POLICIES = (AutoAddPolicy,)


def connect(host):
    client = SSHClient()
    client.load_system_host_keys()
    client.set_missing_host_key_policy(RejectPolicy())
    client.connect(host)
    return client
