"""OpenStack-style commit messages: a short summary, a wrapped body, trailers.

The shape follows https://wiki.openstack.org/wiki/GitCommitMessages: a
summary line of at most 50 characters, a blank line, a body wrapped at 72
columns, and the ``Change-Id:`` footer that Gerrit's commit-msg hook would
write, last among the trailers.
"""

from __future__ import annotations

import hashlib
import re
import textwrap
from dataclasses import dataclass, field
from typing import Iterable, Sequence

SUMMARY_LIMIT = 50
BODY_WIDTH = 72
CHANGE_ID = "Change-Id"
GROUP_TRAILER = "Cwemod-Group"

_CHANGE_ID_LINE = re.compile(r"^Change-Id:\s*(I[0-9a-f]{40})\s*$", re.MULTILINE)
_TRAILER_LINE = re.compile(r"^([A-Za-z0-9-]+):\s*(.*?)\s*$")


def change_id(project: str, branch: str, parts: Iterable[str]) -> str:
    """``I`` + 40 hex digits, the same for the same project, branch and parts.

    Gerrit's hook hashes the commit itself (random across runs); a
    deterministic id makes a regenerated fix a new patch set of the same
    change instead of a new change.
    """
    digest = hashlib.sha1()
    for part in ("cwemod", normalize_project(project), branch, *sorted(parts)):
        digest.update(part.encode("utf-8") + b"\0")
    return "I" + digest.hexdigest()


def normalize_project(project: str) -> str:
    return project.strip("/").removesuffix(".git")


def summary_line(text: str, limit: int = SUMMARY_LIMIT) -> str:
    """One line of at most ``limit`` characters, cut at a word boundary."""
    words = " ".join(text.split()).rstrip(".")
    if len(words) <= limit:
        return words
    cut = words[: limit + 1].rsplit(" ", 1)[0]
    return (cut if cut and len(cut) <= limit else words[:limit]).rstrip(" ,;:-")


def paragraph(text: str, prefix: str = "") -> str:
    """Reflow ``text`` to the body width, each line starting with ``prefix``."""
    return textwrap.fill(
        " ".join(text.split()),
        width=BODY_WIDTH,
        initial_indent=prefix,
        subsequent_indent=prefix,
        break_long_words=False,
        break_on_hyphens=False,
    )


def bullet(text: str) -> str:
    return textwrap.fill(
        " ".join(text.split()),
        width=BODY_WIDTH,
        initial_indent="- ",
        subsequent_indent="  ",
        break_long_words=False,
        break_on_hyphens=False,
    )


def quote(text: str) -> str:
    """Quote a report's words, one ``> `` block per paragraph of the original."""
    paragraphs = [part for part in re.split(r"\n\s*\n", text.strip()) if part.strip()]
    return "\n>\n".join(paragraph(part, "> ") for part in paragraphs)


def markdown_blocks(markdown: str) -> list[str]:
    """Wrap a small Markdown text: paragraphs reflowed, bullets hung, code kept."""
    blocks: list[str] = []
    lines = markdown.strip("\n").splitlines()
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.strip().startswith("```"):
            end = next((i for i in range(index + 1, len(lines)) if lines[i].strip().startswith("```")), len(lines))
            blocks.append("\n".join("    " + code for code in lines[index + 1 : end]))
            index = end + 1
        elif not line.strip():
            index += 1
        else:
            end = index
            while end < len(lines) and lines[end].strip() and not lines[end].strip().startswith("```"):
                end += 1
            blocks.append(_wrap_lines(lines[index:end]))
            index = end
    return blocks


def _wrap_lines(lines: Sequence[str]) -> str:
    items: list[list[str]] = []
    for line in lines:
        stripped = line.strip()
        if stripped[:2] in ("- ", "* ") or not items:
            items.append([stripped])
        else:
            items[-1].append(stripped)
    out = []
    for item in items:
        text = " ".join(item)
        out.append(bullet(text[2:]) if text[:2] in ("- ", "* ") else paragraph(text))
    return "\n".join(out)


@dataclass
class CommitMessage:
    summary: str
    blocks: list[str] = field(default_factory=list)  # already wrapped paragraphs
    trailers: list[tuple[str, str]] = field(default_factory=list)

    def text(self) -> str:
        footer = "\n".join(f"{key}: {value}" for key, value in self._ordered_trailers())
        return "\n\n".join([self.summary, *self.blocks, footer]) + "\n"

    def _ordered_trailers(self) -> list[tuple[str, str]]:
        others = [(key, value) for key, value in self.trailers if key != CHANGE_ID]
        return others + [(key, value) for key, value in self.trailers if key == CHANGE_ID][-1:]


def trailers_of(message: str) -> list[tuple[str, str]]:
    """The trailers of the message's last paragraph (as ``git interpret-trailers`` reads them)."""
    last = message.strip().split("\n\n")[-1]
    pairs = []
    for line in last.splitlines():
        found = _TRAILER_LINE.match(line)
        if found is None:
            return []
        pairs.append((found.group(1), found.group(2)))
    return pairs


def existing_change_ids(messages: Iterable[str]) -> dict[str, str]:
    """Group key -> Change-Id, from commits cwemod made earlier."""
    found: dict[str, str] = {}
    for message in messages:
        trailers = dict(trailers_of(message))
        group, identifier = trailers.get(GROUP_TRAILER), trailers.get(CHANGE_ID)
        if group and identifier and _CHANGE_ID_LINE.search(f"Change-Id: {identifier}"):
            found.setdefault(group, identifier)
    return found
