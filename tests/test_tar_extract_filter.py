"""tar-extract-filter: the rewritten extraction runs for real on crafted archives.

The before_after cases show the shapes; these tests extract archives with
the code before and after the fix, with the standard library's tarfile.
"""

from __future__ import annotations

import io
import sys
import tarfile
import textwrap
import warnings
from pathlib import Path

import pytest

from cwemod.codemods import Applicability, LineRange, RefusalKind
from cwemod.codemods.kit.project import Project
from cwemod.engine import transform_source

CODEMOD = "tar-extract-filter"

UNPACK = textwrap.dedent(
    """\
    import tarfile


    def unpack(archive, destination):
        with tarfile.open(archive) as tar:
            tar.extractall(destination)


    def unpack_one(archive, name, destination):
        tar = tarfile.open(archive)
        tar.extract(name, destination)
        tar.close()
    """
)

needs_filters = pytest.mark.skipif(
    not hasattr(tarfile, "data_filter"), reason="this Python has no extraction filters"
)


def _fixed(text=UNPACK, **kwargs):
    return transform_source(text, [(CODEMOD, {})], allow_review=True, **kwargs)


def _functions(text):
    namespace = {"__name__": "rewritten"}
    exec(compile(text, "rewritten.py", "exec"), namespace)
    return namespace


def _archive(path, *members):
    """A tar file with ``members``: (name, data) for files, (name, "->target") for symlinks."""
    with tarfile.open(path, "w") as tar:
        for name, content in members:
            info = tarfile.TarInfo(name)
            if content.startswith("->"):
                info.type, info.linkname = tarfile.SYMTYPE, content[2:]
                tar.addfile(info)
            else:
                data = content.encode()
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
    return path


def test_both_calls_get_the_data_filter_for_review():
    outcome = _fixed()
    assert "tar.extractall(destination, filter='data')" in outcome.text
    assert "tar.extract(name, destination, filter='data')" in outcome.text
    assert [fix.applicability for fix in outcome.fixes] == [Applicability.REVIEW] * 2
    assert all("3.12, or 3.8.17/3.9.17/3.10.12/3.11.4" in fix.reason for fix in outcome.fixes)


@needs_filters
def test_a_plain_archive_extracts_the_same_after_the_fix(tmp_path):
    archive = _archive(tmp_path / "plain.tar", ("etc/app.conf", "x = 1\n"), ("README", "hi\n"))
    for label, text in (("before", UNPACK), ("after", _fixed().text)):
        destination = tmp_path / label
        _functions(text)["unpack"](str(archive), str(destination))
        assert (destination / "etc" / "app.conf").read_text() == "x = 1\n"
        assert (destination / "README").read_text() == "hi\n"


@needs_filters
def test_a_member_leaving_the_destination_is_written_before_and_refused_after(tmp_path):
    archive = _archive(tmp_path / "evil.tar", ("../escaped.txt", "owned\n"))
    destination = tmp_path / "out" / "dest"
    destination.mkdir(parents=True)
    if sys.version_info < (3, 14):  # from 3.14 on, "data" is tarfile's own default
        with warnings.catch_warnings():  # 3.12 and 3.13 warn about the missing filter
            warnings.simplefilter("ignore", DeprecationWarning)
            _functions(UNPACK)["unpack"](str(archive), str(destination))
        assert (tmp_path / "out" / "escaped.txt").read_text() == "owned\n"
        (tmp_path / "out" / "escaped.txt").unlink()

    with pytest.raises(tarfile.OutsideDestinationError):
        _functions(_fixed().text)["unpack"](str(archive), str(destination))
    assert not (tmp_path / "out" / "escaped.txt").exists()


@needs_filters
def test_extract_refuses_a_link_to_an_absolute_path(tmp_path):
    archive = _archive(tmp_path / "link.tar", ("passwd", "->/etc/passwd"))
    with pytest.raises(tarfile.AbsoluteLinkError):
        _functions(_fixed().text)["unpack_one"](str(archive), "passwd", str(tmp_path / "d"))


def test_a_report_finding_gets_the_fix_and_unknown_objects_get_advice():
    outcome = _fixed(targets={CODEMOD: [LineRange(6, 6, "B202-1")]})
    assert [(fix.line, fix.findings) for fix in outcome.fixes] == [(6, ("B202-1",))]
    text = "import tarfile\n\n\ndef unpack(tar, dest):\n    tar.extract('a', dest)\n"
    asked = _fixed(text, targets={CODEMOD: [LineRange(5, 5)]})
    [refusal] = asked.refusals
    assert refusal.kind is RefusalKind.ADVICE_ONLY
    assert "cannot tell that tar is a TarFile" in refusal.reason
    assert not _fixed(text).refusals  # extract() on an unknown object: quiet in a whole-tree run


def test_a_zip_archive_is_not_applicable_where_a_report_asks():
    """zipfile's extractall() takes no filter=: the advice to add one would break it."""
    text = (
        "import zipfile\n\n\ndef unpack(path, dest):\n    zipfile.ZipFile(path).extractall(dest)\n"
    )
    [refusal] = _fixed(text, targets={CODEMOD: [LineRange(5, 5)]}).refusals
    assert refusal.kind is RefusalKind.NOT_APPLICABLE
    assert "is a ZipFile, whose extractall() takes no filter=" in refusal.reason
    assert not _fixed(text).refusals


def test_test_code_is_left_alone():
    outcome = _fixed(module_path="tests/unit/test_unpack.py")
    assert outcome.text == UNPACK and not outcome.fixes and not outcome.refusals


@pytest.mark.parametrize(("oldest", "fixed"), [((2, 7), False), ((3, 7), False), ((3, 8), True)])
def test_a_project_on_a_python_without_the_filter_gets_advice(oldest, fixed):
    """filter= came in Python 3.12, and in 3.8.17, 3.9.17, 3.10.12 and 3.11.4."""
    source = "import tarfile\n\n\ndef unpack(path, to):\n    tarfile.open(path).extractall(to)\n"
    outcome = transform_source(
        source, [(CODEMOD, {})], allow_review=True, project=Project(oldest_python=oldest)
    )
    assert ("filter='data'" in outcome.text) is fixed
    if not fixed:
        (refusal,) = outcome.refusals
        assert refusal.kind is RefusalKind.ADVICE_ONLY and "filter=" in refusal.reason


def test_a_false_numeric_owner_parameter_no_call_passes_is_false():
    """pyroma's _safe_extract_tar(..., numeric_owner=False), called without it: the fix; a
    call that passes it, by keyword or position, or the helper rebinding it: advice."""
    root = Path(__file__).resolve().parent.parent / "before_after" / CODEMOD
    fixed = _fixed((root / "numeric_owner_never_passed.before.py").read_text())
    assert [fix.line for fix in fixed.fixes] == [19]
    passed = _fixed((root / "numeric_owner_passed.unchanged.py").read_text())
    assert not passed.fixes
    assert [("numeric_owner= would do nothing" in r.reason) for r in passed.refusals] == [True] * 3
    method = (
        "import tarfile\n\n\nclass Unpacker:\n"
        "    def _unpack(self, archive, path, numeric_owner=False):\n"
        "        with tarfile.open(archive) as tar:\n"
        "            tar.extractall(path, numeric_owner=numeric_owner)\n\n"
        "    def run(self, archive):\n        self._unpack(archive, '.', True)\n"
    )
    assert not _fixed(method).fixes


def test_a_function_defined_in_another_is_private_unless_handed_on():
    """pulpcore's safe_extract() inside pulp_import(), called there without numeric_owner=:
    the fix; the same function returned, or a method of a class defined there: advice."""
    nested = (
        "import tarfile\n\n\ndef unpack(archive, path):\n"
        "    def extract(archive, path, numeric_owner=False):\n"
        "        with tarfile.open(archive) as tar:\n"
        "            tar.extractall(path, numeric_owner=numeric_owner)\n\n"
        "    extract(archive, path)\n"
    )
    assert [fix.line for fix in _fixed(nested).fixes] == [7]
    handed_on = nested + "    return extract\n"
    assert not _fixed(handed_on).fixes
    in_a_class = (
        "import tarfile\n\n\ndef unpacker():\n    class Unpacker:\n"
        "        def extract(self, archive, path, numeric_owner=False):\n"
        "            with tarfile.open(archive) as tar:\n"
        "                tar.extractall(path, numeric_owner=numeric_owner)\n\n"
        "    return Unpacker\n"
    )
    assert not _fixed(in_a_class).fixes


def test_a_commented_check_of_the_members_before_extracting_is_already_fixed():
    """chalice's comment on the `filter` arg above its own check of the archive: already
    fixed; the comment without the check, or the check without the comment: the fix."""
    comment = "        # Python 3.12 has a `filter` arg; older ones: we check ourselves\n"
    check = "        check_members(tar, path)\n"
    unpack = (
        "import tarfile\n\n\ndef unpack(archive, path):\n    with tarfile.open(archive) as tar:\n"
    )
    extract = "        tar.extractall(path)\n"
    both = _fixed(unpack + comment + check + extract)
    assert not both.fixes
    assert [r.kind for r in both.refusals] == [RefusalKind.ALREADY_FIXED]
    assert [fix.line for fix in _fixed(unpack + comment + extract).fixes] == [7]
    assert [fix.line for fix in _fixed(unpack + check + extract).fixes] == [7]
    plain = "        # extract everything\n"
    assert [fix.line for fix in _fixed(unpack + plain + check + extract).fixes] == [8]


@needs_filters
def test_the_copied_traversal_check_lets_a_symlink_out_and_the_fix_does_not(tmp_path):
    """The CVE-2007-4559 check pyroma copied resolves member names before any is written:
    a symlink member, then a file below it, writes outside the destination."""
    root = Path(__file__).resolve().parent.parent / "before_after" / CODEMOD
    before = (root / "numeric_owner_never_passed.before.py").read_text()
    for text, escapes in ((before, True), (_fixed(before).text, False)):
        outside, destination = tmp_path / f"outside-{escapes}", tmp_path / f"into-{escapes}"
        outside.mkdir()
        destination.mkdir()
        members = (("link", f"->{outside}"), ("link/owned", "x"))
        archive = _archive(tmp_path / f"evil-{escapes}.tar", *members)
        extract = _functions(text)["_safe_extract_tar"]
        with tarfile.open(archive) as tar:
            if escapes:
                extract(tar, path=str(destination))
            else:
                with pytest.raises(tarfile.FilterError):
                    extract(tar, path=str(destination))
        assert (outside / "owned").exists() is escapes
