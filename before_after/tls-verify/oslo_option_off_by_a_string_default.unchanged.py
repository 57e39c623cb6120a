# case: project networking_mlnx_sdn networking_mlnx/client.py
# case: refuses verify=cfg.CONF.sdn.cert_verify is an oslo.config option False by default (networking_mlnx/config.py, line 9)
"""Shaped like networking-mlnx 21.0.0's sdn client: verify= is the cert_verify option, whose
default "False" (a string) oslo.config reads as False, so certificates go unchecked."""
import requests
from oslo_config import cfg


def request(method, url, data=None):
    return requests.request(method, url=url, data=data,
                            verify=cfg.CONF.sdn.cert_verify,
                            timeout=cfg.CONF.sdn.timeout)
