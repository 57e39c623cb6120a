# case: ignores a path inside a container, which no user of this host can reach (noted where a report asks)
from pathlib import PurePosixPath


def x11_mounts(xauth_file_path, kwargs):
    # briefcase's docker integration: the xauth file's mount target in the container
    docker_xauth_file_path = PurePosixPath("/tmp") / xauth_file_path.name
    kwargs.setdefault("mounts", []).append((xauth_file_path, docker_xauth_file_path))
    kwargs.setdefault("env", {}).update({"XAUTHORITY": docker_xauth_file_path})
