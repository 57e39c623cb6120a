# case: unsafe
# case: refuses a configuration default under a shared directory
"""toil's cwltoil.py: a default prefix for --tmpdir-prefix, joined to gettempdir(); its
users make their directories with mkdtemp(prefix=...): a setting's default, not a file."""
import os
from tempfile import gettempdir

DEFAULT_TMPDIR = gettempdir()
DEFAULT_TMPDIR_PREFIX = os.path.join(DEFAULT_TMPDIR, "tmp")
