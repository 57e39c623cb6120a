# case: unsafe
# case: refuses tempfile makes a random name in /tmp, a directory chosen on purpose
"""Shaped like ec2-api's api/image.py: an oslo.config option whose default is /tmp, read
in the module only as the dir= of tempfile.mkdtemp(): tempfile makes a random name there."""
import tempfile

from oslo_config import cfg

s3_opts = [
    cfg.StrOpt('image_decryption_dir',
               default='/tmp',
               help='Parent directory for tempdir used for image decryption'),
    cfg.StrOpt('s3_url',
               default='http://$my_ip:3334',
               help='URL to S3 server'),
]

CONF = cfg.CONF
CONF.register_opts(s3_opts)


def decrypt_image():
    image_path = tempfile.mkdtemp(dir=CONF.image_decryption_dir)
    return image_path
