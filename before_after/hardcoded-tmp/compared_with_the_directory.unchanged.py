# case: refuses compares a path with the directory /tmp itself
"""Shaped like modal's mount checks: /tmp is a mount point it refuses, no file made."""


def check_mount(abs_path, display_name, path):
    if abs_path == "/":
        raise ValueError(f"{display_name} {path} cannot be mounted at '/'.")
    elif abs_path == "/tmp":
        raise ValueError(f"{display_name} {path} cannot be mounted at '/tmp'.")
