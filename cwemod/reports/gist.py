"""What a finding asks, in its own words: the part of its message about the code it names.

A review item often names several places in one sentence ("if the lock name
in `_fip_port_lock()` can be predicted or the `_subscribers` set in
`subscribe()` is not properly managed, ..."). Triage gives one verdict per
place, so a reason quotes the clause about that place, not the whole item.
"""

from __future__ import annotations

import re
from functools import lru_cache

from cwemod.reports._no_defect import no_defect_statement
from cwemod.reports.model import Finding

MAX_GIST = 160  # characters of the finding's own text quoted in a reason
# Only the start of a message is searched for what to quote: an item's findings share
# its message, and a hostile report may give one long message thousands of findings.
MAX_SEARCHED = 5000

# "(line 110)", "(lines 305-307)", "(e.g., line 114, 129)": stale once the code moved.
_CITED_LINES = re.compile(r"\s*\((?:e\.g\.,?\s*)?(?:at\s+|on\s+)?lines?\b[^()]{0,80}\)", re.I)
_SENTENCES = re.compile(r"(?<=[.!?])\s+(?=[A-Z`\"'(])")
# Where one condition or place ends and the next begins, inside a sentence.
_CLAUSES = re.compile(r"\s*(?:[,;:]|\bor\b|\bif\b|\bwhile\b|\bwhereas\b)\s*", re.I)
_MIN_CLAUSE_WORDS = 4
_BACKTICKED_NAME = re.compile(r"`([\w.]+)")
# A clause that opens like this only goes on the one before it: "executed, such as in `run()`".
_CONTINUES = re.compile(
    r"^(?:such\s+as|e\.g\.|for\s+example|including|like|especially|namely|in\s+particular)\b",
    re.I,
)


def gist(finding: Finding) -> str:
    """A short quote of what ``finding`` says is wrong, about its own symbol when it names one."""
    sentences = _sentences(finding.message or "")
    if not sentences:
        return finding.title or ", ".join(finding.cwe) or finding.rule or "this finding"
    symbol = finding.symbols[0].rsplit(".", 1)[-1] if finding.symbols else None
    about = [sentence for sentence, names in sentences if symbol in names]
    chosen = _clause_about(about[0], symbol) if about and symbol else sentences[0][0]
    return _shortened(chosen.rstrip(".").strip())


def no_defect_quote(finding: Finding) -> str | None:
    """The sentence in which the report says there is no defect, if its message has one."""
    statement = _no_defect_statement(finding.message or "")
    return _shortened(statement.strip().rstrip(".")) if statement else None


@lru_cache(maxsize=64)
def _sentences(message: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """Each sentence of the start of ``message``, with the code names it puts in backticks."""
    text = _CITED_LINES.sub("", message[:MAX_SEARCHED]).strip()
    return tuple((sentence, _names_in(sentence)) for sentence in _SENTENCES.split(text) if sentence)


@lru_cache(maxsize=64)
def _no_defect_statement(message: str) -> str | None:
    return no_defect_statement(_CITED_LINES.sub("", message[:MAX_SEARCHED]))


def label(finding: Finding) -> str:
    """``CWE-693 Protection Mechanism Failure``, ``B602 subprocess_popen_with_shell``."""
    named = finding.rule or ", ".join(finding.cwe)
    title = finding.title if finding.title and finding.title != named else None
    return " ".join(part for part in (named, title) if part) or "no CWE"


def _names_in(text: str) -> frozenset[str]:
    """``subscribe`` for `subscribe()`, `self.subscribe` or `FipNamespace.subscribe`."""
    return frozenset(name.rsplit(".", 1)[-1] for name in _BACKTICKED_NAME.findall(text))


def _clause_about(sentence: str, symbol: str) -> str:
    clauses: list[str] = []
    for separator, clause in _clause_parts(sentence):
        if clauses and _CONTINUES.match(clause):
            clauses[-1] += separator + clause
        else:
            clauses.append(clause)
    for clause in clauses:
        if symbol in _names_in(clause) and len(clause.split()) >= _MIN_CLAUSE_WORDS:
            return clause
    return sentence


def _clause_parts(sentence: str) -> list[tuple[str, str]]:
    """Each clause of ``sentence`` with the separator before it ("" for the first)."""
    parts: list[tuple[str, str]] = []
    start, separator = 0, ""
    for match in _CLAUSES.finditer(sentence):
        parts.append((separator, sentence[start : match.start()]))
        start, separator = match.end(), match.group()
    parts.append((separator, sentence[start:]))
    return [(separator, clause) for separator, clause in parts if clause]


def _shortened(text: str) -> str:
    if len(text) <= MAX_GIST:
        return text
    cut = text[:MAX_GIST].rsplit(" ", 1)[0]
    return cut + "…"
