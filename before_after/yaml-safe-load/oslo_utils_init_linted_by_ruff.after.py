# case: project oslo_utils oslo_utils/__init__.py
"""Shaped like oslo.utils: its tox.ini's flake8 excludes __init__.py, but that flake8 runs
only hacking's style checks (select = H); ruff, which selects flake8-bandit's S rules,
lints the package's __init__.py."""
import yaml


def load(text):
    return yaml.safe_load(text)
