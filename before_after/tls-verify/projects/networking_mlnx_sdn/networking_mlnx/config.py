"""Shaped like networking-mlnx 21.0.0's plugins/ml2/drivers/sdn/config.py: cert_verify's
default written as the string "False", which oslo.config's Boolean type reads as False."""
from oslo_config import cfg

sdn_opts = [
    cfg.IntOpt('timeout',
               default=10,
               help="HTTP timeout in seconds."),
    cfg.BoolOpt('cert_verify',
                default="False",
                help="Use certificates to verify connections."),
    cfg.StrOpt('cert_path',
               default="",
               help="The path of the certificate CA."),
]
