"""Shaped like proxmoxer 2.3.0's tests/test_paramiko.py: it asserts the policy the backend sets."""

from proxmoxer.backends import ssh_paramiko


class TestSshParamikoSession:
    def test_connect_basic(self, mock_ssh_client):
        import paramiko

        sess = ssh_paramiko.SshParamikoSession("host", "user", password="password", port=1234)
        policy_call_args, _ = sess.ssh_client.set_missing_host_key_policy.call_args_list[0]
        assert isinstance(policy_call_args[0], paramiko.AutoAddPolicy)
