# case: unsafe
# case: refuses a configuration default under a shared directory
from oslo_config import cfg

opts = [cfg.StrOpt("spool_dir", default="/var/tmp/spool", help="Where to spool.")]
