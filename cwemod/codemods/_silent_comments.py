"""``silent-except``: comments and docstrings that say a failure is let pass on purpose.

A person's comment in the handler, a comment about failing in the ``try`` or above
it, or a docstring's summary that says the call may fail; not a linter's directive,
commented-out code, or a TODO that asks for the handling the fix adds.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Sequence

import libcst as cst

from cwemod.codemods._silent_tree import CONTINUE_BODY, PASS_BODY, ParentOf, index_in
from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.calls import called_words, name_words
from cwemod.codemods.kit.handlers import caught_classes
from cwemod.codemods.kit.match import nodes_of_type
from cwemod.codemods.kit.source import code_of

# Compound statements whose first body statement a comment above them speaks for.
_BLOCK_OWNERS = (cst.If, cst.For, cst.While, cst.With, cst.Try)


def any_explains(comments: Iterable[cst.Comment | None]) -> bool:
    """Is one of the handler's ``comments`` written by a person (cinder's "# Really don't
    care here"), not a linter's directive or a TODO naming a lint code (scons' "# TODO:
    W0702: No exception type(s) specified")?"""
    return any(_prose(comment) is not None for comment in comments)


def any_about_failing(comments: Iterable[cst.Comment | None]) -> bool:
    """Does one of ``comments`` (in the ``try``, or above it) speak of a failure, or of
    ignoring one? A comment that only says what the code does there (scons' "# Read old
    rpmutils.py file") documents no decision to swallow."""
    said = (_CHECKER_IGNORE.sub("", _prose(comment) or "") for comment in comments)
    return any(_ABOUT_FAILING.search(_without_a_demanded_failure(text)) for text in said)


def _without_a_demanded_failure(text: str) -> str:
    """``text`` without a failure that is an imperative's alternative, which asks for the
    failure to surface: tap-as-a-service's "# Postcommit phase, do the backend stuff, or fail."
    (its delete re-raises under the same words). Not one a modal governs ("it may work or
    fail"), nor one after a success ("pass or fail"), nor one said to be quiet ("or fail
    silently"): those tell of a failure that may be let pass."""
    for found in reversed(list(_DEMANDED_FAILURE.finditer(text))):
        clause = re.split(r"[.;:!?]", text[: found.start()])[-1]
        if not _MODAL_OR_SUCCESS.search(clause):
            text = text[: found.start()] + text[found.end() :]
    return text


# "..., or fail.", "... or else raise", "... or die": the alternative ends its clause, or
# says the failure is loud.
_DEMANDED_FAILURE = re.compile(
    r"\bor (?:else )?(?:fail|raise|die|abort|bail(?: out)?|error out|crash)"
    r"(?: (?:loudly|hard|fast|noisily|immediately|early))?(?=\s*(?:[.;!)]|$))",
    re.IGNORECASE,
)
# A clause where the failure is a possibility, not a demand: "it may work, or fail."
_MODAL_OR_SUCCESS = re.compile(
    r"\b(?:may|might|can|could|will|would|should)\b"
    r"|\b(?:succeed\w*|pass\w*|works?|worked)\s*,?\s*$",
    re.IGNORECASE,
)


# bleak's "# TODO: ... so we can remove the pyright ignore": a type checker's, no exception's.
_CHECKER_IGNORE = re.compile(
    r"\b(?:pyright|mypy|pyre|pytype|type|ty|pylint|flake8|ruff)\W{0,3}ignore\w*", re.IGNORECASE
)


def _prose(comment: cst.Comment | None) -> str | None:
    """The comment's text, unless it is a linter's directive or a lint code's TODO."""
    if comment is None:
        return None
    text = _text(comment)
    while _LINT_DIRECTIVE.match(text):
        # pynput's "# pylint: disable E722; we want to suppress exceptions": the reason
        # after the directive is prose; pycti's pylint directive, then flake8's noqa for
        # E722, are two directives
        parts = _AFTER_A_DIRECTIVE.split(text, maxsplit=1)
        text = parts[1].strip().lstrip("#").strip() if len(parts) == 2 else ""
    if not text or _ASKS_FOR_HANDLING.match(text):
        return None
    return None if _is_code(text) else text


def _is_code(text: str) -> bool:
    """Commented-out code (pypykatz's ``#traceback.print_exc()``; pyvmomi's ``# if
    dt['year'] == 0:``, a block's first line), which documents nothing."""
    if not (_CODE_LIKE.match(text) or _BLOCK_HEADER.match(text)):
        return False
    text = text.removeprefix("el") if text.startswith("elif") else text
    for statement in (text, text + "\n    pass"):
        try:
            ast.parse(statement)
        except (SyntaxError, ValueError):
            continue
        return True
    return False


# A statement, not prose: an import, a call, an assignment, a return or raise.
_CODE_LIKE = re.compile(r"(?:import|from|return|raise|print)\b|[\w.]+\s*(?:\(|=[^=])")
# The first line of an ``if``, ``while``, ``for`` or ``with`` block with a sign of code in its
# head (an operator, a call, an attribute, an index): not "if possible:" nor "for each item:".
_BLOCK_HEADER = re.compile(r"(?:(?:el)?if|while|for|with)\b[^:#]*[(\[.=<>!]")


# A note asking for the handling the fix adds (radicale's "# TODO: Log exception?"), or for
# a narrower handler (glanceclient's "# TODO(bcwaldon): narrow this down to 404", scoutsuite's
# "# TODO implement condition to pass only if the triggered error is ..."): no decision to
# swallow.
_ASKS_FOR_HANDLING = re.compile(
    # Cheetah's "# @@TR: should add some logging to this": @@ is its authors' TODO mark
    r"(?:(?:TODO|FIXME|XXX)\b|@@|\bshould add\b).*\b(?:log\w*|handl\w*|report\w*|rais\w*|warn\w*|narrow\w*"
    r"|broad\w*|specific\w*|catch\w*|only (?:if|when))\b"
    # msldap's "# exceptions should be investigated, anyway the formatter return the raw_value"
    r"|.*\b(?:should|must|needs? to) be (?:investigated|handled|logged|reported|looked into)\b",
    re.IGNORECASE,
)
_AFTER_A_DIRECTIVE = re.compile(r";|\s--?\s|\s#")
_LINT_DIRECTIVE = re.compile(
    r"(?:pylint|type|pragma|fmt|isort|mypy|pyright|ruff|ty)\s*:|(?:noqa|nosec)\b"
    r"|(?:TODO|FIXME|XXX)\W*[A-Z]\d{3,4}\b",
    re.IGNORECASE,
)
# What a comment says when the code lets a failure pass on purpose.
_ABOUT_FAILING = re.compile(
    r"\b(?:ignor\w*|fail\w*|best[- ]effort|harmless|matters?|fine|ok|okay|expected|missing"
    r"|gone|already (?:\w+ )?(?:exist\w*|clos\w*|gone|deleted|removed|released|freed|stopped"
    r"|dead|disconnected|shut|terminated|killed|present|there|registered|in use|installed"
    r"|created|defined|taken|bound|loaded|handled|unlinked|cleaned|done|started)"
    # not aiosmb's "if the connection was already running": a state, no failure
    r"|optional\w*|safe(?:ly)? to|swallow\w*|silen\w*|suppress\w*"
    r"|no-?op|unavailable|unsupported|race|not (?:exist|available|present|installed"
    r"|supported|found|there|set)|(?:does not|doesn't) exist|may not|might not|care|problems?"
    r"|handles? (?:the )?cases?"
    # carbon's "# This only works on Linux": elsewhere it fails, as expected
    r"|only works|works only|only (?:on|under|for|with) (?:linux|windows|mac\w*|posix|unix"
    r"|darwin|bsd|cpython|pypy)|(?:linux|windows|mac\w*|posix|unix|darwin|bsd)[- ]only"
    r"|wrong|blow\w* up|even if|anyway|regardless|acceptable|tolerat\w*|benign|transient"
    r"|break|broken|for safety|try/(?:catch|except)|(?:if|where|when) possible|quash\w*"
    r"|(?:can|could|may|might) raise|raises|exceptions? it raises"
    r"|(?:no|any) exceptions? (?:should|must|may|can) (?:escape|propagate|leak)"
    # hupper's "# attempt to send imported paths to the reloader process", planemo's "...
    # Attempt to parse those.": it may not; not toil's "nobody else should be trying to join"
    r"|(?:^|(?<=[.;:!?]\s)|we )(?:attempt|try) to)\b",
    re.IGNORECASE,
)


def summary_about_failing(docstring: str, statement: cst.CSTNode | None) -> bool:
    """Does the first paragraph of a function's docstring say the call the ``try`` makes may
    fail, as a comment above it would (tuir's curs_set(): "Change the cursor visibility, may
    fail for some terminals")? In so many words, or speaking of failing with the first word of
    a call the ``try`` makes: google-cloud-storage's lookup_bucket(), "Get a bucket by name,
    returning None if not found", tells of the NotFound it handles by name, not of the cache
    update its inner ``try`` swallows; "Handle failed logins" says nothing of a call either."""
    summary = _FAILOVER.sub("", docstring.strip().split("\n\n", 1)[0])
    summary = _without_a_demanded_failure(_CHECKER_IGNORE.sub("", summary))
    if _SAYS_IT_MAY_FAIL.search(summary):
        return True
    if not isinstance(statement, (cst.Try, cst.TryStar)):
        return False
    return bool(_ABOUT_FAILING.search(summary)) and any(
        re.search(rf"\b{re.escape(words[0])}", summary, re.IGNORECASE)
        for words in map(called_words, nodes_of_type(statement.body, cst.Call))
        if words and len(words[0]) > 2
    )


# A docstring's words that a call of the function may fail, with no call named.
_SAYS_IT_MAY_FAIL = re.compile(
    r"\b(?:(?:may|might|can|could|will)(?: not)? (?:fail|raise|error)\w*"
    r"|(?:may|might|can|could)(?:not|n't| not) (?:work|succeed)\w*|best[- ]effort"
    r"|ignor\w* (?:\w+ )?(?:errors?|failures?|exceptions?)|fails? silently|silently"
    r"|(?:errors?|failures?|exceptions?) (?:are|is) (?:ignored|swallowed|suppressed)"
    r"|optionally|(?:if|where|when) possible|never raises?)\b|\(optional\)",
    re.IGNORECASE,
)


# cinder's failover_host(): "Force failover to a secondary replication target." names what
# the function does, no failure of it.
_FAILOVER = re.compile(r"\bfail[- ]?(?:over|back)\w*", re.IGNORECASE)


def comments_outside_nested_tries(block: cst.BaseSuite) -> list[cst.Comment]:
    """The comments of ``block``, but for those of a ``try`` in it, which speak for that one
    (pysnmp's "# already up to date" and "# schema object with no value"), and those above
    an ``if`` that only skips a loop's item, which say what it skips (pandas-gbq's "#
    Ignore non-directories" above ``if not item.is_dir(): continue``; not those in it:
    graphite-web's "we cannot rely on the 'except' in this case" before its ``continue``),
    and those that head commented-out code (:func:`_captions_in`)."""
    nested = {id(c) for t in m.findall(block, m.Try()) for c in m.findall(t, m.Comment())}
    skips = m.If(body=CONTINUE_BODY | _BREAK_BODY, orelse=None)
    leading = (skip.leading_lines for skip in m.findall(block, skips))  # type: ignore[attr-defined]
    above = (line.comment for lines in leading for line in lines)
    nested |= {id(comment) for comment in above} | _captions_of_dead_code(block)
    return [comment for comment in m.findall(block, m.Comment()) if id(comment) not in nested]


def _captions_of_dead_code(tree: cst.CSTNode) -> set[int]:
    """The ids of the comments in ``tree`` that head commented-out code (:func:`_captions_in`)."""
    found: set[int] = set()
    for holder in nodes_of_type(tree, _HOLDS_COMMENT_LINES):
        for lines in (getattr(holder, "leading_lines", ()), getattr(holder, "footer", ())):
            found |= _captions_in(lines)
    return found


_HOLDS_COMMENT_LINES = (
    cst.BaseStatement, cst.IndentedBlock, cst.ExceptHandler, cst.ExceptStarHandler, cst.Else,
    cst.Finally,
)  # fmt: skip


def _captions_in(lines: Sequence[cst.EmptyLine]) -> set[int]:
    """The ids of the comments above commented-out code in the same run of comment lines (no
    blank line between): pyvmomi's ParseISO8601(), "# Orig. XMLSchema don't allow all zeros
    year. But newer draft is ok" above ``# if dt['year'] == 0:`` and ``#   raise
    Exception(...)``, says why the check is off, nothing of the handler. Not the comments
    after the last line of code: they speak for the code below them."""
    found: set[int] = set()
    run: list[cst.Comment] = []
    for line in (*lines, None):
        if line is not None and line.comment is not None:
            run.append(line.comment)
            continue
        code = [i for i, comment in enumerate(run) if _is_code(_text(comment))]
        found |= {id(comment) for comment in run[: code[-1]]} if code else set()
        run = []
    return found


def _text(comment: cst.Comment) -> str:
    return comment.value.lstrip("#").strip()


_BREAK_BODY = m.IndentedBlock([m.SimpleStatementLine([m.Break()])]) | m.SimpleStatementSuite(
    [m.Break()]
)


def commented_above(
    statement: cst.BaseStatement, parent_of: ParentOf, elsewhere: frozenset[str] = frozenset()
) -> bool:
    """A comment about failing just above the ``try``, above the statement whose block it
    opens, or above the ``try`` statements of the same run that it follows without a blank
    line; none naming ``elsewhere``, what an earlier handler catches (:func:`caught_before`).
    Above an ``if``, not one that begins "If", "When" or "Unless": it states the test."""
    current: cst.CSTNode | None = statement
    while isinstance(current, cst.BaseStatement):
        captions = _captions_in(current.leading_lines)
        above = [line.comment for line in current.leading_lines if id(line.comment) not in captions]
        if isinstance(current, cst.If):
            # mongoengine's "# If a file already exists, delete it" above `if grid_file:`
            above = [c for c in above if c is None or not _STATES_THE_TEST.match(c.value)]
        if any_about_failing(not_naming(elsewhere, above)):
            return True
        block = parent_of(current)
        if not isinstance(block, cst.IndentedBlock):
            return False
        index = index_in(block.body, current)
        if index == 0:
            owner = parent_of(block)
            # not an ``if``'s: mezzanine's `if code != lang:  # Already done` is about the test
            header = not_naming(elsewhere, [block.header.comment])
            if not isinstance(owner, cst.If) and any_about_failing(header):
                return True
            current = owner if isinstance(owner, _BLOCK_OWNERS) else None
        elif isinstance(block.body[index - 1], cst.Try) and not current.leading_lines:
            current = block.body[index - 1]
        else:
            return False
    return False


# A comment above an ``if`` that begins as a condition says what the ``if`` tests.
_STATES_THE_TEST = re.compile(r"#\s*(?:if|when|unless)\b", re.IGNORECASE)


def caught_before(statement: cst.Try, handler: cst.ExceptHandler) -> frozenset[str]:
    """The words of the classes that the handlers before ``handler`` catch, those that turn
    the failure into something (a result, an error), not ``pass`` or ``continue``: wapiti's
    ``except NXDOMAIN: return True``, then ``except BaseException: continue``."""
    earlier = statement.handlers[: index_in(statement.handlers, handler)]
    return frozenset(
        word
        for other in earlier
        if not m.matches(other.body, PASS_BODY | CONTINUE_BODY)
        for caught in caught_classes(other)
        for word in name_words(code_of(caught).rpartition(".")[2])
        if len(word) > 3 and word not in _GENERIC_EXCEPTION_WORDS
    )


_GENERIC_EXCEPTION_WORDS = frozenset({"error", "exception", "warning", "does", "base"})


def not_naming(
    words: frozenset[str], comments: Iterable[cst.Comment | None]
) -> list[cst.Comment | None]:
    """The comments that name none of ``words`` (a word of theirs in one or one in theirs):
    wapiti's "# Otherwise if the pointed domain doesn't exist it may be enough" tells of the
    NXDOMAIN an earlier handler makes a result of, not of the failure a later one swallows."""
    return [
        comment
        for comment in comments
        if comment is None
        or not any(
            said in word or word in said
            for said in re.findall(r"[a-z]{4,}", comment.value.lower())
            for word in words
        )
    ]
