# case: project pytest_ansible src/pytest_ansible/units.py
# case: refuses turns this scanner rule off project-wide (ignore, extend-ignore)
"""Shaped like pytest-ansible 26.10.0: its pyproject.toml sets preview and turns ruff's rules
off by name, ``"subprocess-popen-with-shell-equals-true"`` among them (here in ``ignore``;
it has it for "tests/**"), as the code S602 would."""
from __future__ import annotations

import subprocess


def run_units(target_python: str) -> int:
    proc = subprocess.run(
        f"ansible-test units --target-python '{target_python}'",
        shell=True,
        stdin=subprocess.DEVNULL,
        cwd="tests/fixtures/ansible_collections/test/test",
        check=False,
    )
    return proc.returncode
