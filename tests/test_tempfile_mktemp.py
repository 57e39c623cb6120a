"""tempfile-mktemp: the rewritten code really creates the file first, and writes the same."""

from __future__ import annotations

import os
import stat
import textwrap
import types

from codemod_support import finding_on_every_line
from cwemod.codemods import RefusalKind
from cwemod.engine import transform_source

WRITE_JSON = """\
import json
import tempfile


def dump(data, base):
    path = tempfile.mktemp(suffix=".json", prefix="dump-", dir=base)
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(data, handle)
    return path
"""

MAKE_DIR = """\
import os
from tempfile import mktemp


def workdir(base):
    path = mktemp(prefix="work-", dir=base)
    os.mkdir(path)
    return path
"""


def rewrite(source: str, *, unsafe: bool = True):
    return transform_source(textwrap.dedent(source), [("tempfile-mktemp", {})], allow_review=unsafe)


def load(text: str, name: str) -> types.ModuleType:
    module = types.ModuleType(name)
    exec(compile(text, name, "exec"), module.__dict__)
    return module


def test_the_rewritten_writer_creates_a_private_file_with_the_same_content(tmp_path):
    outcome = rewrite(WRITE_JSON)
    assert "fd, path = tempfile.mkstemp(" in outcome.text
    assert 'with os.fdopen(fd, "w", encoding="utf-8") as handle:' in outcome.text
    before = load(WRITE_JSON, "before").dump({"a": 1}, str(tmp_path))
    after = load(outcome.text, "after").dump({"a": 1}, str(tmp_path))
    assert os.path.basename(after).startswith("dump-") and after.endswith(".json")
    assert os.path.dirname(after) == str(tmp_path)
    with open(before) as old, open(after) as new:
        assert old.read() == new.read() == '{"a": 1}'
    assert stat.S_IMODE(os.stat(after).st_mode) == 0o600


def test_mkstemp_refuses_a_name_that_another_user_created_first(tmp_path, monkeypatch):
    outcome = rewrite(WRITE_JSON)
    planted = tmp_path / "dump-planted.json"
    planted.write_text("attacker")
    names = iter(["planted", "fresh"])
    # Make the random part predictable: mkstemp must skip the existing file, not open it.
    monkeypatch.setattr("tempfile._RandomNameSequence.__next__", lambda self: next(names))
    path = load(outcome.text, "after").dump([], str(tmp_path))
    assert path.endswith("dump-fresh.json")
    assert planted.read_text() == "attacker"


def test_the_rewritten_directory_is_created_private(tmp_path):
    outcome = rewrite(MAKE_DIR)
    assert "path = mkdtemp(prefix=" in outcome.text and "os.mkdir" not in outcome.text
    assert "from tempfile import mkdtemp" in outcome.text
    path = load(outcome.text, "after").workdir(str(tmp_path))
    assert os.path.isdir(path) and os.path.basename(path).startswith("work-")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o700


def test_without_unsafe_nothing_is_written_and_the_review_fix_is_announced():
    outcome = rewrite(WRITE_JSON, unsafe=False)
    assert outcome.text == WRITE_JSON
    assert [fix.codemod for fix in outcome.skipped_review] == ["tempfile-mktemp"]


def test_a_name_used_otherwise_is_advice_with_the_reason():
    outcome = rewrite(
        """\
        import tempfile

        foo = "hi"
        tempfile.mktemp(foo)
        """
    )
    assert not outcome.fixes
    [refusal] = outcome.refusals
    assert refusal.kind is RefusalKind.ADVICE_ONLY
    assert "mkstemp" in refusal.reason


def test_an_unimported_tempfile_mktemp_is_still_advice():
    outcome = rewrite("name = tempfile.mktemp('foo')\n")
    assert [refusal.line for refusal in outcome.refusals] == [1]


def test_a_read_mode_or_an_opener_is_left_alone():
    for call in ('open(path, "r+")', 'open(path, "w", opener=op)', "open(path, mode)"):
        source = f"import tempfile\npath = tempfile.mktemp()\nf = {call}\n"
        outcome = rewrite(source)
        assert outcome.text == source and outcome.refusals, call


def test_test_code_is_left_alone_and_noted_where_a_report_asks():
    source = textwrap.dedent(WRITE_JSON)
    quiet = transform_source(
        source, [("tempfile-mktemp", {})], allow_review=True, module_path="tests/test_dump.py"
    )
    assert quiet.text == source and not quiet.fixes and not quiet.refusals
    asked = transform_source(
        source,
        [("tempfile-mktemp", {})],
        allow_review=True,
        module_path="tests/test_dump.py",
        targets=finding_on_every_line("tempfile-mktemp", "B306", source),
    )
    assert asked.text == source
    [refusal] = asked.refusals
    assert refusal.kind is RefusalKind.NOT_APPLICABLE and refusal.reason.startswith("test code")
