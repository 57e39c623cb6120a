"""Lines where the project silenced a security scanner on purpose.

Bandit's ``# nosec`` and ruff's ``# noqa`` naming an ``S`` rule both say
the project reviewed the line: a codemod leaves such a site alone and says
so. A mark that names tests silences only those, as in the scanners:
``# nosec B311`` (or ``# nosec random``, Bandit's name for it) silences
secure-random, not a codemod of another rule on the same line; a
``# nosec`` naming no test Bandit knows silences them all.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

_NOSEC = re.compile(r"#\s*nosec\b:?([^#]*)", re.IGNORECASE)
_NOQA = re.compile(r"#\s*noqa:([\s\w,]*)", re.IGNORECASE)
_WORD = re.compile(r"\w+")
_BANDIT_ID = re.compile(r"B\d{3}")
_RUFF_BANDIT_ID = re.compile(r"\bS(\d{3})\b")

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


def silenced(lines: Sequence[str], start: int, end: int, rules: Collection[str]) -> bool:
    """Is a scanner mark for one of ``rules`` (Bandit ids) on lines ``start``..``end``?"""
    return any(_silences(line, rules) for line in lines[start - 1 : end])


def _silences(line: str, rules: Collection[str]) -> bool:
    if "#" not in line:
        return False
    for mark in _NOSEC.finditer(line):
        named = _named_tests(mark[1])
        if not named or not named.isdisjoint(rules):
            return True
    for mark in _NOQA.finditer(line):
        if any(f"B{number}" in rules for number in _RUFF_BANDIT_ID.findall(mark[1])):
            return True
    return False


def _named_tests(text: str) -> set[str]:
    """The Bandit ids a nosec comment's text names, by id or by test name."""
    named = set()
    for word in _WORD.findall(text):
        if _BANDIT_ID.fullmatch(word):
            named.add(word)
        elif word in BANDIT_TEST_NAMES:
            named.add(BANDIT_TEST_NAMES[word])
    return named
