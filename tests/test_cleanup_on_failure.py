"""Behaviour of code rewritten by ``cleanup-on-failure``: run it and break a later step."""

from __future__ import annotations

import logging
import os
import socket
import textwrap

import pytest

from cwemod.codemods import Applicability, LineRange, RefusalKind
from cwemod.codemods._cleanup_pairs import (
    BUILTIN_PAIRS,
    Pair,
    PairSyntaxError,
    parse_pairs,
)
from cwemod.codemods.cleanup_on_failure import CleanupOnFailure
from cwemod.engine import (
    FileJob,
    InputError,
    load_config,
    process_file,
    transform_source,
)

CODEMOD = "cleanup-on-failure"


def rewrite(source: str, allow_review: bool = False, **options) -> str:
    outcome = transform_source(
        textwrap.dedent(source), [(CODEMOD, options)], allow_review=allow_review
    )
    assert outcome.text != textwrap.dedent(source), (outcome.refusals, outcome.skipped_review)
    return outcome.text


def load(code: str, **globals_) -> dict:
    namespace = {"__name__": "rewritten", **globals_}
    exec(compile(code, "<rewritten>", "exec"), namespace)
    return namespace


# -- escaping resource: FipNamespace.create() after super().create() -----------

NAMESPACE_MODULE = """\
import logging
{excutils_import}

LOG = logging.getLogger("rewritten-namespace")


class Namespace:
    def __init__(self, fail_at=None, delete_fails=False):
        self.events = []
        self.fail_at = fail_at
        self.delete_fails = delete_fails

    def create(self):
        self.events.append("create")

    def delete(self):
        self.events.append("delete")
        if self.delete_fails:
            raise RuntimeError("delete failed as well")

    def step(self, name):
        self.events.append(name)
        if name == self.fail_at:
            raise OSError(f"{{name}} failed")


class FipNamespace(Namespace):
    def create(self):
        super().create()
        self.step("sysctl")
        self.step("iptables")
"""

HANDLER_STYLES = {
    "oslo-excutils": "from oslo_utils import excutils",
    "plain-python": "",
}


@pytest.fixture(params=sorted(HANDLER_STYLES))
def fip_class(request):
    source = NAMESPACE_MODULE.format(excutils_import=HANDLER_STYLES[request.param])
    code = rewrite(source, allow_review=True)
    if request.param == "oslo-excutils":
        assert "save_and_reraise_exception" in code
    else:
        assert "except BaseException:" in code and "save_and_reraise_exception" not in code
    return load(code)["FipNamespace"]


def test_failure_after_create_releases_and_reraises_the_original(fip_class):
    namespace = fip_class(fail_at="iptables")
    with pytest.raises(OSError, match="^iptables failed$"):
        namespace.create()
    assert namespace.events == ["create", "sysctl", "iptables", "delete"]


def test_failing_release_is_logged_and_does_not_mask_the_original(fip_class, caplog):
    namespace = fip_class(fail_at="sysctl", delete_fails=True)
    with (
        caplog.at_level(logging.ERROR, logger="rewritten-namespace"),
        pytest.raises(OSError, match="^sysctl failed$"),
    ):
        namespace.create()
    assert namespace.events == ["create", "sysctl", "delete"]
    cleanup_records = [
        record
        for record in caplog.records
        if "Cleanup after a failed create() failed" in record.getMessage()
    ]
    assert len(cleanup_records) == 1
    assert isinstance(cleanup_records[0].exc_info[1], RuntimeError)


def test_success_releases_nothing(fip_class):
    namespace = fip_class()
    namespace.create()
    assert namespace.events == ["create", "sysctl", "iptables"]


def test_namespace_creation_is_review_and_says_why():
    source = NAMESPACE_MODULE.format(excutils_import="")
    outcome = transform_source(source, [(CODEMOD, {})], allow_review=False)
    assert outcome.text == source
    [skipped] = outcome.skipped_review
    assert skipped.applicability is Applicability.REVIEW
    assert "could delete a namespace that existed before the call" in skipped.reason


# -- escaping local resource: a socket handed to the caller --------------------


def test_returned_socket_is_closed_when_a_later_step_fails(monkeypatch):
    made = []

    class RecordingSocket(socket.socket):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            made.append(self)

    code = rewrite(
        """\
        import socket


        def connect_to(address):
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sock.settimeout(2)
            sock.connect(address)
            return sock
        """
    )
    closed_port = _closed_port()
    monkeypatch.setattr(socket, "socket", RecordingSocket)
    connect_to = load(code)["connect_to"]

    with pytest.raises(ConnectionRefusedError):
        connect_to(("127.0.0.1", closed_port))
    assert [sock.fileno() for sock in made] == [-1]  # closed

    with socket.create_server(("127.0.0.1", 0)) as server:
        sock = connect_to(server.getsockname())
        assert sock.fileno() != -1  # success: handed over open
        sock.close()


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# -- scoped resources ----------------------------------------------------------

SCOPED_MKDTEMP = """\
import os
import shutil
import tempfile


def render(text, fail):
    workdir = tempfile.mkdtemp()
    CREATED.append(workdir)
    with open(os.path.join(workdir, "input"), "w") as handle:
        handle.write(text)
    if fail:
        raise ValueError("tool crashed")
    data = text.upper()
    shutil.rmtree(workdir)
    return data
"""


def test_scoped_directory_is_removed_on_failure_and_on_success():
    code = rewrite(SCOPED_MKDTEMP)
    assert "finally:\n        shutil.rmtree(workdir)" in code
    created: list[str] = []
    render = load(code, CREATED=created)["render"]

    with pytest.raises(ValueError, match="^tool crashed$"):
        render("x", fail=True)
    assert render("y", fail=False) == "Y"
    assert len(created) == 2 and not any(os.path.exists(path) for path in created)


def test_scoped_release_failure_keeps_the_original_as_context(monkeypatch):
    """try/finally: a failing release raises its own error, chained to the original."""
    code = rewrite(SCOPED_MKDTEMP)
    created: list[str] = []
    render = load(code, CREATED=created)["render"]
    real_rmtree = __import__("shutil").rmtree

    def failing_rmtree(path):
        real_rmtree(path)
        raise PermissionError("cannot remove")

    monkeypatch.setattr("shutil.rmtree", failing_rmtree)
    with pytest.raises(PermissionError) as raised:
        render("x", fail=True)
    assert isinstance(raised.value.__context__, ValueError)
    assert str(raised.value.__context__) == "tool crashed"


def test_open_becomes_with_and_closes_on_failure():
    code = rewrite(
        """\
        import json


        def load_settings(path):
            handle = open(path)
            settings = json.load(handle)
            handle.close()
            return settings
        """
    )
    assert "with open(path) as handle:" in code and ".close()" not in code
    opened = []

    def recording_open(*args, **kwargs):
        opened.append(open(*args, **kwargs))
        return opened[-1]

    load_settings = load(code, open=recording_open)["load_settings"]
    with pytest.raises(ValueError):
        load_settings(os.devnull)  # empty file: json.load fails
    assert opened[-1].closed


# -- refusals that need a report -------------------------------------------------

TEARDOWN = """\
from example import netlib


class FloatingNamespace(netlib.Namespace):

    def _delete(self):
        ip = netlib.Wrapper(namespace=self.name)
        for device in ip.devices():
            self.driver.unplug(device.name, namespace=self.name)
        super().delete()

    def describe(self):
        return self.name

    def build(self):
        with self.lock:
            self.scratch = open(self.path)
            self.scratch.write('x')
"""


def _targeted(source: str, start: int, end: int):
    targets = {CODEMOD: [LineRange(start, end, "F1")]}
    return transform_source(source, [(CODEMOD, {})], allow_review=True, targets=targets)


def test_teardown_loop_gets_advice_when_a_report_points_there():
    outcome = _targeted(TEARDOWN, 6, 6)
    assert outcome.text == TEARDOWN
    [advice] = outcome.refusals
    assert advice.kind is RefusalKind.ADVICE_ONLY
    assert advice.findings == ("F1",)
    assert "self.driver.unplug() fails" in advice.reason and "super().delete()" in advice.reason


def test_teardown_loop_is_quiet_without_a_report():
    outcome = transform_source(TEARDOWN, [(CODEMOD, {})], allow_review=True)
    assert outcome.text == TEARDOWN and not outcome.refusals and not outcome.fixes


def test_report_on_a_function_without_pairs_says_so():
    [refusal] = _targeted(TEARDOWN, 12, 13).refusals
    assert refusal.kind is RefusalKind.NOT_APPLICABLE
    assert "no acquire/release pair" in refusal.reason


def test_report_on_nested_acquire_says_it_is_not_rewritten():
    outcome = _targeted(TEARDOWN, 16, 17)
    assert outcome.text == TEARDOWN
    assert [r.kind for r in outcome.refusals] == [RefusalKind.ADVICE_ONLY]
    assert "inside a nested block" in outcome.refusals[0].reason


def test_report_elsewhere_leaves_create_alone():
    source = NAMESPACE_MODULE.format(excutils_import="")
    outcome = _targeted(source, 1, 2)
    assert outcome.text == source and not outcome.fixes


def test_report_on_rewritten_create_says_already_fixed():
    source = NAMESPACE_MODULE.format(excutils_import="from oslo_utils import excutils")
    once = rewrite(source, allow_review=True)
    start = once.splitlines().index("class FipNamespace(Namespace):") + 1
    outcome = _targeted(once, start, start + 20)
    assert outcome.text == once
    assert [(r.kind, r.findings) for r in outcome.refusals] == [
        (RefusalKind.ALREADY_FIXED, ("F1",))
    ]


def test_report_on_unreleased_local_asks_who_releases_it():
    source = "def peek(path):\n    handle = open(path)\n    return handle.read(10)\n"
    outcome = _targeted(source, 1, 3)
    assert outcome.text == source
    assert [r.kind for r in outcome.refusals] == [RefusalKind.ADVICE_ONLY]
    assert "neither released nor returned" in outcome.refusals[0].reason


# -- the pairs option ------------------------------------------------------------


def test_pairs_option_accepts_a_string_or_a_list():
    from_string = parse_pairs("lab.reserve -> .release (new); .start -> .stop\nopen -> .close")
    from_list = parse_pairs(["lab.reserve -> .release (new)", ".start -> .stop", "open -> .close"])
    assert (
        from_string
        == from_list
        == [
            Pair("lab.reserve", ".release", certainly_new=True),
            Pair(".start", ".stop"),
            Pair("builtins.open", ".close"),
        ]
    )
    assert parse_pairs("") == [] and parse_pairs(()) == []


@pytest.mark.parametrize(
    "bad", ["lab.reserve", ".start -> lab.stop", "a -> b (old)", ".a.b -> .c", 3]
)
def test_pairs_option_rejects_bad_entries(bad):
    with pytest.raises(PairSyntaxError):
        parse_pairs([bad])


def test_bad_pairs_option_in_pyproject_is_one_input_error(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.cwemod.cleanup-on-failure]\npairs = ["lab.reserve"]\n'
    )
    with pytest.raises(InputError, match="cannot read 'lab.reserve'"):
        load_config(tmp_path)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.cwemod.cleanup-on-failure]\npairs = ["lab.reserve -> .release"]\n'
    )
    assert load_config(tmp_path).codemod_options[CODEMOD] == {"pairs": ["lab.reserve -> .release"]}


def test_imports_are_followed_and_shadowed_names_are_not_builtins():
    aliased = "from tempfile import mkdtemp as scratch\nimport shutil as sh\n\n\ndef f():\n    d = scratch()\n    fill(d)\n    sh.rmtree(d)\n"
    assert "finally:\n        sh.rmtree(d)" in rewrite(aliased)
    shadowed = "def f(open):\n    handle = open('x')\n    handle.write('y')\n    handle.close()\n"
    assert transform_source(shadowed, [(CODEMOD, {})]).text == shadowed


def test_configured_pair_without_new_is_review():
    source = textwrap.dedent(
        """\
        import lab


        def measure(sample):
            slot = lab.reserve(sample)
            value = slot.read()
            slot.release()
            return value
        """
    )
    outcome = transform_source(source, [(CODEMOD, {"pairs": ["lab.reserve -> .release"]})])
    assert outcome.text == source
    [skipped] = outcome.skipped_review
    assert "may return something that existed before the call" in skipped.reason
    assert "finally:" in rewrite(source, allow_review=True, pairs=["lab.reserve -> .release"])


def test_builtin_table_covers_the_documented_pairs():
    described = {pair.describe() for pair in BUILTIN_PAIRS}
    assert {
        "tempfile.mkdtemp -> shutil.rmtree",
        "builtins.open -> .close",
        "socket.socket -> .close",
        ".create -> .delete",
    } <= described


def test_prefilter_with_options_knows_builtin_and_configured_names():
    wants = CleanupOnFailure.wants
    assert wants(
        "x = 1\n"
    )  # today's engine gives no options: every file may hold a configured pair
    assert not wants("x = 1\n", {"pairs": ()})
    assert wants("d = tempfile.mkdtemp()\n", {"pairs": ()})
    assert wants("slot = lab.reserve(s)\n", {"pairs": "lab.reserve -> .release"})
    assert not wants("slot = lab.book(s)\n", {"pairs": "lab.reserve -> .release"})


# -- layout ------------------------------------------------------------------------


def test_tab_indented_module_stays_tab_indented():
    source = "import tempfile\n\n\ndef make():\n\tpath = tempfile.mkdtemp()\n\tfill(path)\n\treturn path\n"
    code = rewrite(source)
    compile(code, "<tabs>", "exec")
    assert "\n\ttry:\n\t\tfill(path)\n\texcept BaseException:\n" in code
    assert code.startswith("import logging\nimport shutil\nimport tempfile\n")


# -- the seed target -----------------------------------------------------------------


def test_neutron_fip_namespace_create_gets_a_verified_patch(tmp_path, neutron_fip_namespace):
    path = tmp_path / "dvr_fip_ns.py"
    path.write_bytes(neutron_fip_namespace.read_bytes())
    result = process_file(FileJob(path, "dvr_fip_ns.py", ((CODEMOD, {}),), allow_review=True))
    assert result.error is None  # compiles and a second run changes nothing (engine verification)
    assert result.changed
    [fix] = result.fixes
    assert (
        fix.applicability is Applicability.REVIEW
        and "namespace that existed before the call" in fix.reason
    )
    new = result.new.decode()
    start = new.index("    def create(self):")
    create = new[start : new.index("    def delete(self):")]
    assert "with excutils.save_and_reraise_exception():" in create
    assert "super().delete()" in create and "LOG.exception(" in create
    # nothing else in the file changed
    assert new[:start] == result.old.decode()[:start]
    assert (
        new[new.index("    def delete(self):") :]
        == result.old.decode()[result.old.decode().index("    def delete(self):") :]
    )


def test_comments_are_rewrapped_only_in_files_that_keep_to_79_columns():
    comment = "    # " + "word " * 14 + "end\n"  # 79 columns now, 83 once indented
    body = (
        "def f():\n    d = tempfile.mkdtemp()\n" + comment + "    fill(d)\n    shutil.rmtree(d)\n"
    )
    header = "import shutil\nimport tempfile\n\n\n"
    wrapped = rewrite(header + body)
    assert all(len(line) <= 79 for line in wrapped.splitlines())
    long_elsewhere = header + "LONG = '" + "x" * 90 + "'\n\n\n" + body
    assert comment.strip() in rewrite(long_elsewhere)
