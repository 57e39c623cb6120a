"""ruff's range suppression: `# ruff: disable[S602]` ... `# ruff: enable[S602]` (same
codes, same indentation) accepts the call between them, not the one after."""
import subprocess


def show(name):
    # ruff: disable[S602]
    out = subprocess.run(f"git show '{name}'", shell=True, check=False)
    # ruff: enable[S602]
    return out


def log(name):
    return subprocess.run(["git", "log", str(name)], check=False)
