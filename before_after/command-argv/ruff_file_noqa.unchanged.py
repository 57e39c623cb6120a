# case: refuses marked for its scanner (# nosec, # noqa, # ruff:ignore or # pylint: disable): the project accepted
"""ruff's file-level exemption naming S602 (its `# ruff: noqa: {code}`, on a line of its
own anywhere in the file): the project accepted every shell=True call of this module (a
minimal case from the field review of pytest-ansible 26.10.0)."""
# ruff: noqa: S602
import subprocess


def show(name):
    return subprocess.run(f"git show '{name}'", shell=True, check=False)
