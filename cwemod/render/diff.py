"""Plain unified diffs that ``git apply`` accepts."""

from __future__ import annotations

from collections.abc import Iterable

from cwemod.engine.hunks import Hunk, hunks, split_lines
from cwemod.engine.results import FileResult
from cwemod.render.text import one_line

NO_NEWLINE = "\\ No newline at end of file\n"


def hunk_lines(hunk: Hunk, old: list[str], new: list[str]) -> list[str]:
    """The body of one hunk, each line ending in a newline."""
    lines = [hunk.header() + "\n"]
    for tag, i1, i2, j1, j2 in hunk.opcodes:
        if tag == "equal":
            lines += _marked(" ", old[i1:i2])
            continue
        lines += _marked("-", old[i1:i2])
        lines += _marked("+", new[j1:j2])
    return lines


def _marked(prefix: str, lines: list[str]) -> list[str]:
    out = [prefix + line for line in lines]
    if out and not out[-1].endswith("\n"):
        out[-1] += "\n"
        out.append(NO_NEWLINE)
    return out


def file_diff(result: FileResult) -> str:
    """The unified diff of one changed file, as text in the file's encoding."""
    # The BOM is part of the first line as git sees it.
    bom = "\ufeff" if result.encoding == "utf-8-sig" else ""
    old, new = split_lines(bom + result.old_text), split_lines(bom + result.new_text)
    out = _created_header(result.display) if result.created else [f"--- a/{result.display}\n"]
    out.append(f"+++ b/{result.display}\n")
    for hunk in hunks(old, new):
        out += hunk_lines(hunk, old, new)
    return "".join(out)


def _created_header(display: str) -> list[str]:
    """A new file: git's header says so, where the name needs no quoting in it."""
    if any(c.isspace() or c in '"\\' for c in display):
        return ["--- /dev/null\n"]
    return [f"diff --git a/{display} b/{display}\n", "new file mode 100644\n", "--- /dev/null\n"]


def diff_bytes(results: Iterable[FileResult]) -> bytes:
    """One patch for all changed files; each file keeps its own encoding."""
    chunks = []
    for result in results:
        if result.changed:
            codec = "utf-8" if result.encoding == "utf-8-sig" else result.encoding
            chunks.append(verification_header(result).encode(codec))
            chunks.append(file_diff(result).encode(codec))
    return b"".join(chunks)


def verification_header(result: FileResult) -> str:
    """``--verify``'s status of each finding the file's fixes answer, as lines git apply skips."""
    return "".join(
        one_line(f"# cwemod --verify: {finding_id} {status}") + "\n"
        for finding_id, status in result.verification.items()
    )
