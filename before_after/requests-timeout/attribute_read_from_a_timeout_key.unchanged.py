# case: unsafe
# case: refuses the module has self.connection_timeout, a timeout the project sets
"""Shaped like monasca-agent's kubernetes_api.py: the check reads its connection timeout from
its configuration, with DEFAULT_TIMEOUT as the default; a call passing DEFAULT_TIMEOUT would
ignore the operator's setting."""
import requests

DEFAULT_TIMEOUT = 5


class KubernetesAPI(object):
    def __init__(self, name, init_config, agent_config, instances=None):
        self.kubernetes_api = init_config.get('kubernetes_api')
        self.connection_timeout = int(init_config.get('connection_timeout', DEFAULT_TIMEOUT))

    def _send_request(self, endpoint):
        result = requests.get("{}/{}".format(self.kubernetes_api, endpoint))
        return result.json()
