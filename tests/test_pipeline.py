"""One pipeline: in ``cwemod fix -r`` each file is read and parsed once per run."""

from __future__ import annotations

import ast
import json
from collections import Counter

import libcst
import pytest
from click.testing import CliRunner

from cwemod.cli import main
from cwemod.codemods import LineRange
from cwemod.engine import transform as transform_module
from cwemod.engine.transform import parse_file
from cwemod.engine.triage import mapping

FIXED = "import yaml\n\n\ndef read(handle):\n    return yaml.load(handle, Loader=yaml.FullLoader)\n"
ALREADY_SAFE = "import yaml\n\n\ndef load(handle):\n    return yaml.safe_load(handle)\n"
NOT_IN_REPORT = "import yaml\n\n\ndef read(handle):\n    return yaml.load(handle)\n"

REVIEW = """\
Security review.

### File: project/fixed.py

1. **CWE-502 (Deserialization of Untrusted Data)**:
   - **Issue**: `read()` (line 5) loads YAML with the full loader.

### File: project/already_safe.py

2. **CWE-502 (Deserialization of Untrusted Data)**:
   - **Issue**: `load()` (line 5) loads YAML.
   - **Solution**: Use the safe loader.

3. **CWE-328 (Weak Hash)**:
   - **Issue**: `load()` (line 4) hashes nothing, but the review says so.
"""


def test_fix_with_a_report_parses_each_file_once_and_each_changed_file_once_more(
    tmp_path, monkeypatch
):
    project = tmp_path / "project"
    project.mkdir()
    (project / "fixed.py").write_text(FIXED)
    (project / "already_safe.py").write_text(ALREADY_SAFE)
    (project / "not_in_report.py").write_text(NOT_IN_REPORT)
    (tmp_path / "review.md").write_text(REVIEW)
    monkeypatch.chdir(tmp_path)

    parsed: Counter[str] = Counter()
    real_parse = libcst.parse_module

    def counting_parse(source, *args, **kwargs):
        parsed[source] += 1
        return real_parse(source, *args, **kwargs)

    monkeypatch.setattr(libcst, "parse_module", counting_parse)
    transformed: Counter[str] = Counter()
    real_run = transform_module._run_codemods

    def counting_run(module, wanted, text, *args):
        transformed[text] += 1
        return real_run(module, wanted, text, *args)

    monkeypatch.setattr(transform_module, "_run_codemods", counting_run)
    result = CliRunner().invoke(main, ["fix", "-r", "review.md", "project", "--format", "json"])

    assert result.exit_code == 0, result.output
    files = {entry["path"]: entry for entry in json.loads(result.stdout)["files"]}
    assert {path: entry["status"] for path, entry in files.items()} == {
        "project/fixed.py": "changed"
    }
    fixed_now = FIXED.replace("yaml.load(handle, Loader=yaml.FullLoader)", "yaml.safe_load(handle)")
    # Location, triage and the fix share one parse; verification parses the changed file's new text.
    assert parsed == Counter({FIXED: 1, ALREADY_SAFE: 1, fixed_now: 1})
    # The fix is triage's own run of yaml-safe-load over that tree, not a second one.
    assert transformed == Counter({FIXED: 1, ALREADY_SAFE: 1, fixed_now: 1})
    assert "1 of 3 report findings answered by a fix" in result.stderr


OLD_TABLE = {  # the table triage.py held by hand before codemods declared their own
    "cleanup-on-failure": ({"CWE-664", "CWE-703", "CWE-404", "CWE-459", "CWE-772"}, ()),
    "command-argv": ({"CWE-78", "CWE-77", "CWE-707"}, ("602", "604", "605", "607", "609")),
    "salted-lock-name": ({"CWE-284", "CWE-693"}, ()),
    "silent-except": ({"CWE-390", "CWE-703"}, ("110", "112")),
    "yaml-safe-load": ({"CWE-502"}, ("506",)),
}


def test_triage_table_is_what_the_codemods_declare():
    table = {
        entry.codemod: (set(entry.cwe), set(entry.rules))
        for entry in mapping()
        if entry.codemod in OLD_TABLE  # codemods added later declare their own, from the start
    }
    expected = {
        codemod: (cwe, {prefix + number for number in numbers for prefix in "BS"})
        for codemod, (cwe, numbers) in OLD_TABLE.items()
    }
    assert table == expected


SILENT = """\
import os


def touch(path):
    try:
        os.utime(path)
    except Exception:
        pass
"""


def test_a_run_that_skipped_a_review_fix_is_not_reused_when_review_fixes_are_allowed():
    parsed = parse_file(SILENT.encode())
    run = ([("silent-except", {})], {"silent-except": [LineRange(4, 8, "r#1")]})

    without = parsed.transform(*run, allow_review=False, filename="m.py")
    allowed = parsed.transform(*run, allow_review=True, filename="m.py")

    assert (without.text, without.fixes, len(without.skipped_review)) == (SILENT, [], 1)
    assert allowed.text != SILENT and [fix.findings for fix in allowed.fixes] == [("r#1",)]
    assert parsed.transform(*run, allow_review=True, filename="m.py") is allowed


def test_a_run_without_review_sites_serves_both_modes():
    parsed = parse_file(FIXED.encode())
    run = ([("yaml-safe-load", {})], {"yaml-safe-load": [LineRange(4, 5, "r#1")]})

    without = parsed.transform(*run, allow_review=False, filename="m.py")

    assert without.text != FIXED and not without.skipped_review
    assert parsed.transform(*run, allow_review=True, filename="m.py") is without


def test_a_codemod_with_matcher_decorators_is_refused_where_it_is_defined():
    """cwemod's codemods are plain LibCST transformers: a matcher decorator would never run."""
    import libcst.matchers as m

    from cwemod.codemods.base import Codemod

    with pytest.raises(TypeError, match=r"RenamesX\.rename: .* matcher decorators"):

        class RenamesX(Codemod):
            id = "renames-x"

            @m.leave(m.Name("x"))
            def rename(self, original_node, updated_node):
                return updated_node.with_changes(value="y")


TWO_REVIEW_SITES = """\
import hashlib
import os


def touch(path, name):
    key = hashlib.md5(name).hexdigest()
    try:
        os.utime(path)
    except Exception:
        pass
    return key
"""
TWO_CODEMODS = [("hash-not-for-security", {}), ("silent-except", {})]
TWO_TARGETS = {
    "hash-not-for-security": [LineRange(6, 6, "r#1")],
    "silent-except": [LineRange(7, 10, "r#2")],
}


def _records(outcome):
    return outcome.text, outcome.fixes, outcome.refusals, outcome.skipped_review, outcome.created


def test_a_run_of_codemods_that_each_changed_nothing_alone_is_their_runs_joined(monkeypatch):
    """The fix of a report without --unsafe: triage ran each codemod alone; none fixed a thing."""
    parsed = parse_file(TWO_REVIEW_SITES.encode())
    for codemod_id, options in TWO_CODEMODS:  # as triage runs them, one by one
        run = ([(codemod_id, options)], {codemod_id: TWO_TARGETS[codemod_id]})
        parsed.transform(*run, allow_review=False, filename="m.py")
    runs = []
    real = transform_module.transform_source
    monkeypatch.setattr(
        transform_module, "transform_source", lambda *a, **k: runs.append(1) or real(*a, **k)
    )

    joined = parsed.transform(TWO_CODEMODS, TWO_TARGETS, allow_review=False, filename="m.py")

    assert runs == []
    made = real(TWO_REVIEW_SITES, TWO_CODEMODS, allow_review=False, targets=TWO_TARGETS)
    assert _records(joined) == _records(made)
    assert [fix.codemod for fix in joined.skipped_review] == [c for c, _ in TWO_CODEMODS]

    # Allowed, each fixes its site: the second works on the first one's text, so the run is made.
    for codemod_id, options in TWO_CODEMODS:
        run = ([(codemod_id, options)], {codemod_id: TWO_TARGETS[codemod_id]})
        parsed.transform(*run, allow_review=True, filename="m.py")
    runs.clear()
    fixed = parsed.transform(TWO_CODEMODS, TWO_TARGETS, allow_review=True, filename="m.py")
    assert runs == [1] and len(fixed.fixes) == 2


def test_a_codemod_that_skips_the_file_says_why(monkeypatch):
    """LibCST's ``SkipFile`` is a not-applicable verdict, though the engine never imports it."""
    from libcst.codemod import SkipFile

    from cwemod.codemods import RefusalKind
    from cwemod.codemods.base import Codemod

    class SkipsGeneratedCode(Codemod):
        id = "skips-generated-code"

        def visit_Module(self, node):
            raise SkipFile("generated code")

    monkeypatch.setattr(transform_module, "get_codemod", lambda codemod_id: SkipsGeneratedCode)
    outcome = transform_module.transform_source("x = 1\n", [("skips-generated-code", {})])
    assert outcome.text == "x = 1\n"
    assert [(r.codemod, r.kind, r.reason) for r in outcome.refusals] == [
        ("skips-generated-code", RefusalKind.NOT_APPLICABLE, "generated code")
    ]


@pytest.mark.parametrize("hook", ["wants", "candidates", "refusals_by_syntax"])
def test_a_codemod_hook_that_raises_fails_that_file_only(tmp_path, monkeypatch, hook):
    """A bug in a codemod's text or ``ast`` gate is one line for the file it met, as a bug
    in its transform is: the other files' fixes are still shown, and the run exits 2."""
    from cwemod.codemods.requests_timeout import RequestsTimeout

    def broken(cls, source, *args, **kwargs):
        text = source if isinstance(source, str) else ast.unparse(source)
        if "requests" in text:
            raise NameError("name 'may_wait_forever' is not defined")
        return original(source, *args, **kwargs)

    original = getattr(RequestsTimeout, hook)

    monkeypatch.setattr(RequestsTimeout, hook, classmethod(broken))
    (tmp_path / "fetch.py").write_text("import requests\n\nrequests.get('http://x')\n")
    (tmp_path / "load.py").write_text(NOT_IN_REPORT)
    result = CliRunner().invoke(main, ["fix", "--unsafe", "--no-cache", "-j1", str(tmp_path)])
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "fetch.py: codemod requests-timeout failed: name 'may_wait_forever'" in result.output
    assert "+    return yaml.safe_load(handle)" in result.output
