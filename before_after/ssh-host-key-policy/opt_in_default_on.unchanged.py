# case: refuses change the setting's default (auto_add_host=True in node_ssh_client, node_ssh_await)
"""Shaped like openshift-client's base_verbs.py: node_ssh_client(auto_add_host=True), and
node_ssh_await() passes its own auto_add_host=True on."""
import paramiko


def node_ssh_client(address, port=22, username=None, auto_add_host=True, connect_timeout=600):
    ssh_client = paramiko.SSHClient()
    ssh_client.load_system_host_keys()

    if auto_add_host:
        ssh_client.set_missing_host_key_policy(paramiko.AutoAddPolicy())

    ssh_client.connect(address, port=port, username=username, timeout=connect_timeout)
    return ssh_client


def node_ssh_await(address, port=22, username=None, auto_add_host=True, timeout_seconds=600):
    return node_ssh_client(address, port=port, username=username, auto_add_host=auto_add_host)
