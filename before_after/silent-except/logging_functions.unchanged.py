# case: unsafe
# case: refuses the module logs with the logging module's own debug()
"""s3cmd's CloudFront: it logs with the logging module's own functions."""
import os
from logging import debug
from logging import warning


def invalidate(paths, tmp_filename):
    try:
        with open(tmp_filename, "w") as handle:
            handle.write("\n".join(paths))
        warning("All the paths are now saved in: %s" % tmp_filename)
    except Exception:
        pass
    debug("%d paths in %s", len(paths), os.path.basename(tmp_filename))
