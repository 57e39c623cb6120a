"""Engine pieces that the CLI tests do not reach directly."""

from __future__ import annotations

import sys
from pathlib import Path

import libcst as cst
import pytest

from cwemod.codemods import LineRange
from cwemod.engine import transform_source
from cwemod.engine.hunks import apply_hunks, hunks, split_lines
from cwemod.engine.linemap import LineMap
from cwemod.engine.run import FileJob
from cwemod.engine.source import SourceError, decode_source
from cwemod.engine.work import process_file


def test_split_lines_splits_only_at_newline():
    assert split_lines("a\r\nb\x0cc\nd") == ["a\r\n", "b\x0cc\n", "d"]
    assert split_lines("") == []


def test_apply_hunks_takes_only_the_accepted_ones():
    old = split_lines("".join(f"line {i}\n" for i in range(20)))
    new = list(old)
    new[1], new[18] = "first change\n", "second change\n"
    first, second = hunks(old, new)
    assert apply_hunks(old, new, [second]) == "".join(old[:18] + ["second change\n"] + old[19:])
    assert apply_hunks(old, new, [first, second]) == "".join(new)
    assert apply_hunks(old, new, []) == "".join(old)


def test_line_map_follows_lines_across_an_insertion():
    old = ["a", "b", "c"]
    new = ["a", "inserted", "inserted", "b", "c"]
    line_map = LineMap(old, new)
    assert [line_map(1), line_map(2), line_map(3)] == [1, 4, 5]


def test_decode_rejects_undecodable_source():
    with pytest.raises(SourceError):
        decode_source(b"x = '\xff'\n")
    assert decode_source(b"# -*- coding: latin-1 -*-\nx = '\xff'\n").text.endswith("x = '\xff'\n")


def test_a_byte_order_mark_before_another_coding_spelling_is_named():
    """autopep8's test data: CPython says "encoding problem: utf8 with BOM"."""
    with pytest.raises(SourceError, match="with a UTF-8 byte order mark"):
        decode_source(b"\xef\xbb\xbf#coding: utf8\nx = 1\n")
    with pytest.raises(SyntaxError, match="BOM"):
        compile(b"\xef\xbb\xbf#coding: utf8\nx = 1\n", "bad_encoding2.py", "exec")


def test_targets_restrict_fixes_and_follow_earlier_edits():
    source = (
        "import yaml\n\ndef a():\n    return yaml.load(x)\n\ndef b():\n    return yaml.load(y)\n"
    )
    outcome = transform_source(
        source,
        [("yaml-safe-load", {})],
        targets={"yaml-safe-load": [LineRange(6, 7, finding="r#1")]},
    )
    assert outcome.text == source.replace("yaml.load(y)", "yaml.safe_load(y)")
    assert [(fix.line, fix.findings) for fix in outcome.fixes] == [(7, ("r#1",))]


def test_records_of_a_later_codemod_carry_the_files_own_lines():
    # cleanup-on-failure's fix removes a line above what yaml-safe-load then
    # fixes and refuses: their lines must still be those of the file as it is.
    source = (
        "import yaml\n\n\ndef read(path):\n    f = open(path)\n    data = f.read()\n"
        "    f.close()\n    return data\n\n\ndef load(text):\n    return yaml.load(text)\n\n\n"
        "def load_custom(text):\n    return yaml.load(text, Loader=MyLoader)\n"
    )
    outcome = transform_source(source, [("cleanup-on-failure", {}), ("yaml-safe-load", {})])
    assert outcome.text.count("\n") == source.count("\n") - 1
    assert [(fix.codemod, fix.line) for fix in outcome.fixes] == [
        ("cleanup-on-failure", 5),  # the acquire's line: f = open(path)
        ("yaml-safe-load", 12),
    ]
    assert [(refusal.codemod, refusal.line) for refusal in outcome.refusals] == [
        ("yaml-safe-load", 16)
    ]


def test_a_fix_that_runs_past_the_line_length_is_refused_by_the_engine(monkeypatch):
    """The backstop: a codemod whose own width check misses a shape gets no fix in the file."""
    import cwemod.codemods.kit.growth as growth

    monkeypatch.setattr(growth.LineGrowth, "fits", lambda self, line, column, added: True)
    text = (
        "import yaml\n\n"
        "SHORT = yaml.load(open('a'))\n"
        "LONG = yaml.load(open('a_settings_file_with_a_name_just_long_enough_to.yaml'))\n"
    )
    outcome = transform_source(text, [("yaml-safe-load", {})])

    assert outcome.text == text and outcome.fixes == []
    assert [refusal.line for refusal in outcome.refusals] == [3, 4]
    assert all("would run past 79 columns" in refusal.reason for refusal in outcome.refusals)


PROBE = (
    "import requests\n\n\nclass Probe:\n    def head(self, path):\n        try:\n"
    "            h = requests.head(path, verify=False, allow_redirects=True)  # HEAD\n"
    "        except OSError:\n            LOG.exception('HEAD %s', path)\n            return None\n"
    "        return h\n"
)
HTTP_CODEMODS = (("requests-timeout", {}), ("tls-verify", {}))


def test_a_site_refused_for_width_is_fixed_once_a_later_fix_makes_room():
    """Rally's: timeout=60 fits only after tls-verify drops verify=False, which runs after it
    (on its line: the comment after the call keeps it from a line of its own below)."""
    alone = transform_source(PROBE, HTTP_CODEMODS, allow_review=True)
    assert [refusal.codemod for refusal in alone.refusals] == ["requests-timeout"]

    job = FileJob(Path("probe.py"), "probe.py", HTTP_CODEMODS, True, content=PROBE.encode())
    result = process_file(job)

    assert result.error is None
    assert result.new_text == PROBE.replace(
        "(path, verify=False, allow_redirects=True)", "(path, allow_redirects=True, timeout=60)"
    )
    assert sorted((fix.codemod, fix.line) for fix in result.fixes) == [
        ("requests-timeout", 7),
        ("tls-verify", 7),
    ]
    assert result.refusals == []


def test_a_codemod_that_changes_its_own_output_fails_the_file(monkeypatch):
    """Only a refused site's fix may land in the second run: anything else is a codemod bug."""
    from cwemod.codemods.tls_verify import TlsVerify

    def negates_the_last_argument(self, original_node, updated_node):
        if not updated_node.args:
            return updated_node
        self.accept_fix(original_node, TlsVerify.applicability, "negates an argument")
        last = updated_node.args[-1]
        negated = last.with_changes(value=cst.UnaryOperation(cst.Not(), last.value))
        return updated_node.with_changes(args=[*updated_node.args[:-1], negated])

    monkeypatch.setattr(TlsVerify, "leave_Call", negates_the_last_argument)
    text = b"import requests\n\nrequests.get(url, verify=False, stream=s)\n"
    job = FileJob(Path("probe.py"), "probe.py", (("tls-verify", {}),), True, content=text)
    result = process_file(job)
    assert result.new is None
    assert result.error.startswith("tls-verify is not idempotent here")


@pytest.mark.skipif(
    sys.version_info >= (3, 12), reason="3.12 parses a quote of the f-string's kind in its field"
)
def test_a_fix_that_would_not_parse_on_this_python_is_refused():
    """filter='data' inside an f-string's field, written with the f-string's own quote."""
    source = "import tarfile\n\n\ndef unpack(path, dest):\n"
    source += "    print(f'{tarfile.open(path).extractall(dest)}')\n"
    outcome = transform_source(source, [("tar-extract-filter", {})], allow_review=True)
    assert outcome.text == source and not outcome.fixes
    [refusal] = outcome.refusals
    assert "would not parse on this Python" in refusal.reason


def test_a_call_in_an_f_string_field_is_fixed_when_its_line_has_room():
    """yt-dlp's jamendo: the keyword needs no quote, and nothing is aligned under the line."""
    source = "import hashlib\n\n\ndef media_url(p):\n"
    source += "    return f'{hashlib.sha1(p.encode()).hexdigest()}~'\n"
    outcome = transform_source(source, [("hash-not-for-security", {})], allow_review=True)
    assert "hashlib.sha1(p.encode(), usedforsecurity=False).hexdigest()}~'" in outcome.text


def test_a_custom_yaml_loader_in_test_code_is_said_only_where_a_report_asks():
    """ansible-core's test/units exercise its own AnsibleLoader on their own data."""
    source = "import yaml\n\nfrom pkg import Loader\n\n\ndef load(text):\n"
    source += "    return yaml.load(text, Loader=Loader)\n"
    path = "test/units/parsing/test_loader.py"
    quiet = transform_source(source, [("yaml-safe-load", {})], module_path=path)
    assert quiet.text == source and not quiet.refusals
    shipped = transform_source(source, [("yaml-safe-load", {})], module_path="pkg/config.py")
    assert "custom or unresolved Loader" in shipped.refusals[0].reason
