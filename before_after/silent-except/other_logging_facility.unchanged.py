# case: unsafe
# case: refuses the module logs through log, which is not known to be a logger
"""pbr's packaging: it logs through distutils' log, which takes no exc_info."""
import re

from distutils import log


def latest_tag(tags):
    found = []
    for tag in tags:
        try:
            found.append(re.match(r'\d+', tag).group(0))
        except Exception:
            pass
    log.info('[pbr] %d tags', len(found))
    return found
