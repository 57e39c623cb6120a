# case: unsafe
# case: refuses a fixed name checked with lstat for its owner before use
"""A fallback runtime directory, its owner checked with os.stat(..., follow_symlinks=False)
before use (as podman's get_runtime_dir() does with os.lstat())."""
import os
import stat


def runtime_dir(user):
    fallback = "/tmp/app-runtime-" + user
    try:
        st = os.stat(fallback, follow_symlinks=False)
    except FileNotFoundError:
        os.mkdir(fallback, 0o700)
    else:
        if not stat.S_ISDIR(st.st_mode) or st.st_uid != os.geteuid() or st.st_mode & 0o077:
            raise RuntimeError(fallback)
    return fallback
