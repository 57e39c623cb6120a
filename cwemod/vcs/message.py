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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

SUMMARY_LIMIT = 50
BODY_WIDTH = 72
CHANGE_ID = "Change-Id"
GROUP_TRAILER = "Cwemod-Group"

_CHANGE_ID_LINE = re.compile(r"^Change-Id:\s*(I[0-9a-f]{40})\s*$", re.MULTILINE)
_TRAILER_LINE = re.compile(r"^([A-Za-z0-9-]+):\s*(.*?)\s*$")
# Blocks only; text_join is new in markdown-it-py 3.
_MARKDOWN = MarkdownIt("commonmark").disable(["inline", "text_join"], ignoreInvalid=True)


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
    return _filled(text, prefix, prefix)


def bullet(text: str) -> str:
    return _filled(text, "- ", "  ")


def quote(text: str) -> str:
    """Quote a report's words, one ``> `` block per paragraph of the original."""
    paragraphs = [part for part in re.split(r"\n\s*\n", text.strip()) if part.strip()]
    return "\n>\n".join(paragraph(part, "> ") for part in paragraphs)


def markdown_tokens(markdown: str) -> list[Token]:
    """The block tokens of ``markdown`` (inline text is left as written)."""
    return _MARKDOWN.parse(markdown)


def markdown_blocks(markdown: str) -> list[str]:
    """Wrap a small Markdown text: paragraphs reflowed, list items hung, code kept.

    Blocks written with no blank line between them (the items of a tight list,
    a paragraph and the list it introduces) stay together in one block.
    """
    blocks: list[list[str]] = []
    previous_end: int | None = None
    for start, end, text, is_code in _wrapped_leaves(markdown_tokens(markdown.strip("\n"))):
        if start == previous_end and not is_code:
            blocks[-1].append(text)
        else:
            blocks.append([text])
        previous_end = None if is_code else end
    return ["\n".join(block) for block in blocks]


def _wrapped_leaves(tokens: list[Token]) -> Iterator[tuple[int, int, str, bool]]:
    """Each leaf block as (first line, end line, wrapped text, is code), in order."""
    quotes = 0
    for index, token in enumerate(tokens):
        if token.type in ("blockquote_open", "blockquote_close"):
            quotes += token.nesting
        if token.map is None:
            continue
        start, end = token.map
        if token.type in ("fence", "code_block"):
            yield start, end, "\n".join("    " + code for code in token.content.splitlines()), True
        elif token.type == "html_block":
            yield start, end, paragraph(token.content), False
        elif token.type == "inline":
            opener = tokens[index - 2] if index >= 2 else None
            if opener is not None and opener.type == "list_item_open":
                yield start, end, _list_item(opener, token.content), False
            else:
                yield start, end, paragraph(token.content, "> " * quotes), False


def _list_item(opener: Token, text: str) -> str:
    """``- text`` for a bullet, ``3. text`` for a numbered item, later lines hung under it."""
    if not opener.info:
        return bullet(text)
    marker = f"{opener.info}{opener.markup} "
    return _filled(text, marker, " " * len(marker))


def _filled(text: str, first: str, later: str) -> str:
    return textwrap.fill(
        " ".join(text.split()),
        width=BODY_WIDTH,
        initial_indent=first,
        subsequent_indent=later,
        break_long_words=False,
        break_on_hyphens=False,
    )


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
