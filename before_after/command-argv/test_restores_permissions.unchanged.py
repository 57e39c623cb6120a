# case: ignores test code: a test's own command line is no attack surface, so the change is churn
"""Shaped like fsspec's tests/abstract/mv.py: a test module (test_*.py)."""
import os


def test_move_restores_permissions(tmpdir):
    protected_path = str(tmpdir.mkdir("protected_directory"))
    if os.name == "nt":
        os.system(f'icacls "{protected_path}" /remove:d Everyone')
