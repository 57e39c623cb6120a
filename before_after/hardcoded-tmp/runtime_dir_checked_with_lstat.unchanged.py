# case: unsafe
# case: refuses a fixed name checked with lstat for its owner before use
"""Shaped like podman's (podman-py) get_runtime_dir(): the last fallback after
$XDG_RUNTIME_DIR and /run/user/$UID, a name the client and the ssh tunnel derive the
socket's path from, so it must stay fixed."""
import errno
import getpass
import os
import stat


def get_runtime_dir() -> str:
    try:
        return os.environ["XDG_RUNTIME_DIR"]
    except KeyError:
        user = getpass.getuser()
        run_user = f"/run/user/{os.getuid()}"
        if os.path.isdir(run_user):
            return run_user
        fallback = f"/tmp/podmanpy-runtime-dir-fallback-{user}"

        try:
            # This must be a real directory, not a symlink, so attackers can't
            # point it elsewhere. So we use lstat to check it.
            fallback_st = os.lstat(fallback)
        except OSError as e:
            if e.errno == errno.ENOENT:
                os.mkdir(fallback, 0o700)
            else:
                raise
        else:
            if not stat.S_ISDIR(fallback_st.st_mode):
                os.unlink(fallback)
                os.mkdir(fallback, 0o700)
            elif (fallback_st.st_uid != os.getuid()) or (
                fallback_st.st_mode & (stat.S_IRWXG | stat.S_IRWXO)
            ):
                os.rmdir(fallback)
                os.mkdir(fallback, 0o700)

        return fallback
