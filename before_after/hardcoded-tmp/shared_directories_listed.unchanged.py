# case: refuses one of a list of directories with "/var/tmp", "/dev/shm": no file in it is named
"""Shaped like Bandit's B108 plugin: the shared directories it looks for, by default."""


def gen_config(name):
    if name == "hardcoded_tmp_directory":
        return {"tmp_dirs": ["/tmp", "/var/tmp", "/dev/shm"]}
