# case: unsafe
# case: refuses self.connection_timeout, passed by position, is requests.get's params (the query string), not a timeout
# case: refuses pass timeout=self.connection_timeout
# case: refuses the module has self.connection_timeout, a timeout the project sets
"""Shaped like monasca-agent's cadvisor_host.py: the connection timeout read from the check's
configuration (its default a string) is passed where requests.get takes params, and the
machine request has none at all."""
import requests

DEFAULT_TIMEOUT = "3"


class CadvisorHost(object):
    def __init__(self, name, init_config, agent_config, instances=None):
        self.cadvisor_url = None
        self.connection_timeout = int(init_config.get('connection_timeout',
                                                      DEFAULT_TIMEOUT))

    def check(self, instance):
        try:
            host_metrics = requests.get(self.cadvisor_url, self.connection_timeout).json()
        except Exception:
            return None
        machine_info = requests.get(self.cadvisor_url + "/machine").json()
        return host_metrics, machine_info
