# case: ignores known_hosts=None only where the operator's setting asks for it
"""Shaped like apache-airflow-providers-sftp's hooks/sftp.py: the connection's
no_host_key_check extra (or known_hosts "none") turns host-key checking off."""
import asyncssh


class SFTPHookAsync:
    def __init__(self, host, known_hosts=None, no_host_key_check=False):
        self.host = host
        self.known_hosts = known_hosts
        self.no_host_key_check = no_host_key_check

    async def _get_conn(self):
        conn_config = {"host": self.host}
        if self.no_host_key_check:
            conn_config["known_hosts"] = None
        return await asyncssh.connect(**conn_config)

    async def _get_conn_by_known_hosts(self):
        conn_config = {"host": self.host}
        if self.known_hosts:
            if self.known_hosts.lower() == "none":
                conn_config.update(known_hosts=None)
            else:
                conn_config.update(known_hosts=self.known_hosts)
        return await asyncssh.connect(**conn_config)
