"""A 50,000-line module is fixed like any other, in bounded time and memory (slow)."""

from __future__ import annotations

import resource
import subprocess
import sys

import pytest

LINES = 50_000
SITE = "    return yaml.load(text, Loader=yaml.Loader)\n"


def big_module() -> str:
    functions = [
        f"def f{n}(x):\n    y = x + {n}\n    return y * 2\n\n\n" for n in range(LINES // 5)
    ]
    return "import yaml\n\n\n" + "".join(functions) + "def load(text):\n" + SITE


@pytest.mark.slow
def test_a_50k_line_file_gets_its_one_fix_within_bounded_memory(tmp_path):
    source = big_module()
    assert source.count("\n") >= LINES
    (tmp_path / "big.py").write_text(source)

    completed = subprocess.run(
        [sys.executable, "-m", "cwemod", "fix", "-j1", "--format", "diff", "big.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=900,  # about 100 s of CPU on an idle core: LibCST visits every node
        check=False,
    )

    assert completed.returncode == 0, completed.stderr
    removed = [line for line in completed.stdout.splitlines() if line.startswith("-")]
    added = [line for line in completed.stdout.splitlines() if line.startswith("+")]
    assert removed == ["--- a/big.py", "-" + SITE.rstrip("\n")]
    assert added == ["+++ b/big.py", "+    return yaml.safe_load(text)"]
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    assert peak_kib < 1_500_000, f"peak RSS {peak_kib} KiB"
