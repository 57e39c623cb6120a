"""Lines where the project silenced a security scanner on purpose.

Bandit's ``# nosec``, and ruff's ``# noqa`` or ``# ruff:ignore[...]`` naming
an ``S`` rule (by code or by name; ruff's on a line of its own silences the
statement below it), and pylint's ``# pylint: disable=missing-timeout``
(its one message of these rules: trailing, the line above with
``disable-next``, or on a line of its own, for the rest of its block), say
the project reviewed the line: a codemod leaves such a site alone and says so. A mark that names tests
silences only those, as in the scanners: ``# nosec B311`` (or ``# nosec
random``, Bandit's name for it) silences secure-random, not a codemod of
another rule on the same line; a ``# nosec`` naming no test Bandit knows
silences them all.

ruff's comments that reach past a line count too where they name an ``S``
rule (:func:`ruff_exempted`): its file-level exemption (``# ruff: noqa:
S602`` or flake8's, on a line of its own anywhere in the file; the bare
``# ruff: noqa`` names no rule, so it is no review of a security finding),
``# ruff: file-ignore[...]`` at the start of a line, and a range opened by
``# ruff: disable[...]`` on a line of its own, up to its ``# ruff:
enable[...]`` (the same codes, at the same indentation) or, without one,
to the end of its block.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

# How a refusal of a marked line starts.
MARKED = "marked for its scanner (# nosec, # noqa, # ruff:ignore or # pylint: disable)"
_NOSEC = re.compile(r"#\s*nosec\b:?([^#]*)", re.IGNORECASE)
_NOQA = re.compile(r"#\s*noqa:([\s\w,]*)", re.IGNORECASE)
_WORD = re.compile(r"\w+")
_BANDIT_ID = re.compile(r"B\d{3}")
_RUFF_BANDIT_ID = re.compile(r"\bS(\d{3})\b")
# ruff's own suppression comment (tox and virtualenv: ``# ruff:ignore[rule-name] why``).
_RUFF_IGNORE = re.compile(r"#\s*ruff\s*:\s*ignore\[([^\]]*)\]", re.IGNORECASE)
# ruff's file-level exemption (a noqa after ``ruff:`` or ``flake8:``), on a line of its own.
_FILE_NOQA = re.compile(r"#\s*(?:ruff|flake8)\s*:\s*noqa\s*:([\s\w,]*)", re.IGNORECASE)
# ruff's file-level ignore, at the start of a line; its range suppression, on a line of its own.
_FILE_IGNORE = re.compile(r"#\s*ruff\s*:\s*file-ignore\s*\[([^\]]*)\]")
_RANGE = re.compile(r"#\s*ruff\s*:\s*(disable|enable)\s*\[([^\]]*)\]")
# pylint's pragma (tobiko's ``# pylint: disable=missing-timeout`` above a download it keeps).
_PYLINT = re.compile(r"#\s*pylint\s*:\s*(disable-next|disable|enable)\s*=\s*([\w\s,-]*)")
# pylint's messages for these rules, by name and by id.
PYLINT_MESSAGES = {"missing-timeout": "B113", "W3101": "B113"}

# Bandit's names for the tests cwemod's codemods answer (a nosec comment may
# name a test instead of giving its id); tests/test_kit_scanner_marks.py
# checks them against Bandit's own table.
BANDIT_TEST_NAMES = {
    "set_bad_file_permissions": "B103",
    "hardcoded_tmp_directory": "B108",
    "try_except_pass": "B110",
    "try_except_continue": "B112",
    "request_without_timeout": "B113",
    "tarfile_unsafe_members": "B202",
    "mktemp_q": "B306",
    "random": "B311",
    "xml_bad_cElementTree": "B313",
    "xml_bad_ElementTree": "B314",
    "xml_bad_expatreader": "B315",
    "xml_bad_expatbuilder": "B316",
    "xml_bad_sax": "B317",
    "xml_bad_minidom": "B318",
    "xml_bad_pulldom": "B319",
    "hashlib_insecure_functions": "B324",
    "import_xml_etree": "B405",
    "import_xml_sax": "B406",
    "import_xml_expat": "B407",
    "import_xml_minidom": "B408",
    "import_xml_pulldom": "B409",
    "import_xmlrpclib": "B411",
    "request_with_no_cert_validation": "B501",
    "ssl_with_bad_version": "B502",
    "ssl_with_bad_defaults": "B503",
    "ssl_with_no_version": "B504",
    "yaml_load": "B506",
    "ssh_no_host_key_verification": "B507",
    "subprocess_popen_with_shell_equals_true": "B602",
    "any_other_function_with_shell_equals_true": "B604",
    "start_process_with_a_shell": "B605",
    "start_process_with_partial_path": "B607",
    "hardcoded_sql_expressions": "B608",
    "linux_commands_wildcard_injection": "B609",
    "jinja2_autoescape_false": "B701",
}

# ruff's names for the same rules (its S codes are Bandit's numbers);
# tests/test_kit_scanner_marks.py checks them against ruff's own table.
RUFF_RULE_NAMES = {
    "bad-file-permissions": "B103",
    "hardcoded-temp-file": "B108",
    "try-except-pass": "B110",
    "try-except-continue": "B112",
    "request-without-timeout": "B113",
    "tarfile-unsafe-members": "B202",
    "suspicious-mktemp-usage": "B306",
    "suspicious-non-cryptographic-random-usage": "B311",
    "suspicious-xmlc-element-tree-usage": "B313",
    "suspicious-xml-element-tree-usage": "B314",
    "suspicious-xml-expat-reader-usage": "B315",
    "suspicious-xml-expat-builder-usage": "B316",
    "suspicious-xml-sax-usage": "B317",
    "suspicious-xml-mini-dom-usage": "B318",
    "suspicious-xml-pull-dom-usage": "B319",
    "hashlib-insecure-hash-function": "B324",
    "suspicious-xml-etree-import": "B405",
    "suspicious-xml-sax-import": "B406",
    "suspicious-xml-expat-import": "B407",
    "suspicious-xml-minidom-import": "B408",
    "suspicious-xml-pulldom-import": "B409",
    "suspicious-xmlrpc-import": "B411",
    "request-with-no-cert-validation": "B501",
    "ssl-insecure-version": "B502",
    "ssl-with-bad-defaults": "B503",
    "ssl-with-no-version": "B504",
    "unsafe-yaml-load": "B506",
    "ssh-no-host-key-verification": "B507",
    "subprocess-popen-with-shell-equals-true": "B602",
    "call-with-shell-equals-true": "B604",
    "start-process-with-a-shell": "B605",
    "start-process-with-partial-path": "B607",
    "hardcoded-sql-expression": "B608",
    "unix-command-wildcard-injection": "B609",
    "jinja2-autoescape-false": "B701",
}


def silenced(lines: Sequence[str], start: int, end: int, rules: Collection[str]) -> bool:
    """Is a scanner mark for one of ``rules`` (Bandit ids) on lines ``start``..``end``, or
    ruff's ``# ruff: ignore[...]`` on a line of its own above them?

    ruff reads that comment on its own line as silencing the next statement,
    across the comment and blank lines between (Weblate's
    ``# ruff: ignore[suspicious-non-cryptographic-random-usage]`` above a
    ``random.randint()`` it keeps).
    """
    above = _comment_lines_above(lines, start)
    return (
        any(_silences(line, rules) for line in lines[start - 1 : end])
        or any(
            not _ruff_rules(mark[1]).isdisjoint(rules)
            for line in above
            for mark in _RUFF_IGNORE.finditer(line)
        )
        or (bool(above) and _pylint_pragma(above[0], rules) == "disable-next")
        or _disabled_in_block(lines, start, rules)
    )


def ruff_exempted(lines: Sequence[str], start: int, rules: Collection[str]) -> bool:
    """Does a ruff comment naming one of ``rules`` exempt the whole file, or a range around
    line ``start`` (1-based)?"""
    return _file_exempted(lines, rules) or _in_disabled_range(lines, start, rules)


def _file_exempted(lines: Sequence[str], rules: Collection[str]) -> bool:
    """Does a file-level noqa (on a line of its own) or file-ignore (at a line's start) name
    one of ``rules``, by code (ruff reads no prefix there) or, file-ignore, by name?"""
    for line in lines:
        if "#" not in line or ("noqa" not in line.lower() and "file-ignore" not in line):
            continue
        noqa = _FILE_NOQA.match(line.strip())
        named = _ruff_codes(noqa[1]) if noqa else set()
        ignore = _FILE_IGNORE.match(line)
        if ignore:
            named |= _ruff_rules(ignore[1])
        if not named.isdisjoint(rules):
            return True
    return False


def _in_disabled_range(lines: Sequence[str], start: int, rules: Collection[str]) -> bool:
    """Is line ``start`` after a ``# ruff: disable[...]`` naming one of ``rules``, with
    neither its ``enable`` nor a line indented less than it between them?"""
    bound = _indent(lines[start - 1]) if start <= len(lines) else 0
    closed = []  # the (indentation, codes) of the enables below, each closing its disable
    for line in reversed(lines[: max(start - 1, 0)]):
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            bound = min(bound, _indent(line))
        mark = _RANGE.match(stripped)
        if mark is None or _indent(line) > bound:
            continue
        key = (_indent(line), [code.strip() for code in mark[2].split(",") if code.strip()])
        if mark[1] == "enable":
            closed.append(key)
        elif key in closed:
            closed.remove(key)
        elif not _ruff_rules(mark[2]).isdisjoint(rules):
            return True
    return False


def _disabled_in_block(lines: Sequence[str], start: int, rules: Collection[str]) -> bool:
    """Does a ``# pylint: disable=`` on a line of its own, in the block of line ``start`` or
    a block around it, silence one of ``rules`` there (and no ``enable=`` after it)?"""
    indent = _indent(lines[start - 1]) if start <= len(lines) else 0
    for line in reversed(lines[: max(start - 1, 0)]):
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("#"):
            if _indent(line) <= indent:
                pragma = _pylint_pragma(stripped, rules)
                if pragma in ("disable", "enable"):
                    return pragma == "disable"
            continue
        if _indent(line) < indent:
            # out of a block, into the one around it; a pragma on its opening line (a
            # def's) silences the whole block
            if _pylint_pragma(line, rules) == "disable":
                return True
            indent = _indent(line)
    return False


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _pylint_pragma(comment: str, rules: Collection[str]) -> str | None:
    """What a pylint pragma in ``comment`` does to one of ``rules``: ``disable``,
    ``disable-next`` or ``enable``; None where it names none of them."""
    found = None
    for mark in _PYLINT.finditer(comment):
        names = {PYLINT_MESSAGES.get(name.strip()) for name in mark[2].split(",")}
        if not names.isdisjoint(rules):
            found = mark[1]
    return found


def _comment_lines_above(lines: Sequence[str], start: int) -> list[str]:
    """The comment and blank lines right above line ``start`` (1-based)."""
    above = []
    for line in reversed(lines[: max(start - 1, 0)]):
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            break
        above.append(stripped)
    return above


def _silences(line: str, rules: Collection[str]) -> bool:
    if "#" not in line:
        return False
    for mark in _NOSEC.finditer(line):
        named = _named_tests(mark[1])
        if not named or not named.isdisjoint(rules):
            return True
    for mark in _NOQA.finditer(line):
        if not _ruff_codes(mark[1]).isdisjoint(rules):
            return True
    for mark in _RUFF_IGNORE.finditer(line):
        if not _ruff_rules(mark[1]).isdisjoint(rules):
            return True
    return _pylint_pragma(line, rules) == "disable"


def _ruff_codes(text: str) -> set[str]:
    """The Bandit ids of the ``S`` codes a noqa comment's text names."""
    return {f"B{number}" for number in _RUFF_BANDIT_ID.findall(text)}


def _ruff_rules(text: str) -> set[str]:
    """The Bandit ids of the rules a ``ruff:ignore[...]`` names, by code or by name."""
    named = set()
    for item in text.split(","):
        rule = item.strip()
        if _RUFF_BANDIT_ID.fullmatch(rule):
            named.add(f"B{rule[1:]}")
        elif rule in RUFF_RULE_NAMES:
            named.add(RUFF_RULE_NAMES[rule])
    return named


def _named_tests(text: str) -> set[str]:
    """The Bandit ids a nosec comment's text names, by id or by test name."""
    named = set()
    for word in _WORD.findall(text):
        if _BANDIT_ID.fullmatch(word):
            named.add(word)
        elif word in BANDIT_TEST_NAMES:
            named.add(BANDIT_TEST_NAMES[word])
    return named
