# case: refuses the command string 'cmd' cannot be traced to one template in this function: every call in this module passes a constant; check callers elsewhere, that what they pass is quoted
"""Shaped like tendo's tee.py: the public system() of the package, its unittest appended."""
import subprocess
import unittest


def system(cmd, cwd=None):
    """Works like os.system(), logging the command's output."""
    return subprocess.call(cmd, cwd=cwd, shell=True)


class testTee(unittest.TestCase):
    def test_1(self):
        self.assertEqual(system("true"), 0)


if __name__ == '__main__':
    unittest.main()
