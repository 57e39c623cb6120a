"""Shaped like oslo.policy 6.0.1's opts.py: the [oslo_policy] options, among them
remote_ssl_verify_server_crt, False by default."""
from oslo_config import cfg

_options = [
    cfg.BoolOpt(
        'enforce_new_defaults',
        default=True,
        help='Whether the policy engine uses the new defaults.',
    ),
    cfg.StrOpt(
        'remote_content_type',
        choices=('application/x-www-form-urlencoded', 'application/json'),
        default='application/x-www-form-urlencoded',
        help='Content Type to send and receive data for REST based policy check',
    ),
    cfg.BoolOpt(
        'remote_ssl_verify_server_crt',
        help='server identity verification for REST based policy check',
        default=False,
    ),
    cfg.StrOpt(
        'remote_ssl_ca_crt_file',
        help='Absolute path to ca cert file for REST based policy check',
    ),
    cfg.FloatOpt(
        'remote_timeout',
        default=60,
        min=0,
        help='Timeout in seconds for REST based policy check',
    ),
]
