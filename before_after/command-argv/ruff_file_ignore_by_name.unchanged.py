# case: refuses marked for its scanner (# nosec, # noqa, # ruff:ignore or # pylint: disable): the project accepted
"""ruff's newer file-level comment, `# ruff: file-ignore[...]` at the start of a line,
naming S602 by its name, as dst-server's scripts name their subprocess rules
(``# ruff: file-ignore[suspicious-subprocess-import, ...]``)."""
# ruff: file-ignore[subprocess-popen-with-shell-equals-true]
import subprocess


def show(name):
    return subprocess.run(f"git show '{name}'", shell=True, check=False)
