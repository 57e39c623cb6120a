# case: unsafe
# case: refuses tempfile makes a random name in /var/tmp, a directory chosen on purpose
"""nuitka's test runner: /var/tmp where it exists on Linux, chosen in the conditional
that is mkdtemp()'s dir=."""
import tempfile


def work_directory(on_linux):
    return tempfile.mkdtemp(prefix="run-", dir="/var/tmp" if on_linux else None)
