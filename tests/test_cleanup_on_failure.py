"""Behaviour of code rewritten by ``cleanup-on-failure``: run it and break a later step."""

from __future__ import annotations

import logging
import os
import tempfile
import textwrap
from pathlib import Path
from unittest import mock

import libcst as cst
import pytest

from cwemod.codemods import Applicability, LineRange, RefusalKind
from cwemod.codemods._cleanup_pairs import (
    BUILTIN_PAIRS,
    Pair,
    PairSyntaxError,
    parse_pairs,
)
from cwemod.codemods._cleanup_scan import can_fail
from cwemod.codemods.cleanup_on_failure import CleanupOnFailure
from cwemod.codemods.kit.project import Project
from cwemod.codemods.surveys import survey_of
from cwemod.engine import (
    FileJob,
    InputError,
    load_config,
    process_file,
    transform_source,
)

CODEMOD = "cleanup-on-failure"
CASES = Path(__file__).resolve().parent.parent / "before_after" / CODEMOD


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


# -- escaping resource: an override's create() after super().create() ----------

WORKSPACE_MODULE = """\
import logging
{excutils_import}

LOG = logging.getLogger("rewritten-workspace")


class Workspace:
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


class ScratchWorkspace(Workspace):
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
    source = WORKSPACE_MODULE.format(excutils_import=HANDLER_STYLES[request.param])
    code = rewrite(source, allow_review=True)
    if request.param == "oslo-excutils":
        assert "save_and_reraise_exception" in code
    else:
        assert "except BaseException:" in code and "save_and_reraise_exception" not in code
    return load(code)["ScratchWorkspace"]


def test_failure_after_create_releases_and_reraises_the_original(fip_class):
    namespace = fip_class(fail_at="iptables")
    with pytest.raises(OSError, match="^iptables failed$"):
        namespace.create()
    assert namespace.events == ["create", "sysctl", "iptables", "delete"]


def test_failing_release_is_logged_and_does_not_mask_the_original(fip_class, caplog):
    namespace = fip_class(fail_at="sysctl", delete_fails=True)
    with (
        caplog.at_level(logging.ERROR, logger="rewritten-workspace"),
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


def test_resolved_super_release_is_review_and_names_what_to_check():
    source = WORKSPACE_MODULE.format(excutils_import="")
    outcome = transform_source(source, [(CODEMOD, {})], allow_review=False)
    assert outcome.text == source
    [skipped] = outcome.skipped_review
    assert skipped.applicability is Applicability.REVIEW
    assert "check that Workspace.delete() undoes only what Workspace.create() made" in (
        skipped.reason
    )


def _only_refusal(source: str) -> tuple[RefusalKind, str]:
    outcome = transform_source(source, [(CODEMOD, {})], allow_review=True)
    assert outcome.text == source and not outcome.fixes
    [refusal] = outcome.refusals
    return refusal.kind, refusal.reason


def test_namespace_creation_is_exists_ok_so_advice_only():
    source = WORKSPACE_MODULE.format(excutils_import="").replace("Workspace", "Namespace")
    kind, reason = _only_refusal(source)
    assert kind is RefusalKind.ADVICE_ONLY
    assert "exists-ok" in reason and "could tear down a namespace in use" in reason


def test_super_release_that_skips_the_override_is_advice_only():
    override = '\n    def delete(self):\n        self.step("unplug")\n        super().delete()\n'
    source = WORKSPACE_MODULE.format(excutils_import="") + override
    kind, reason = _only_refusal(source)
    assert kind is RefusalKind.ADVICE_ONLY
    assert "skips ScratchWorkspace.delete(), which tears down what this class adds" in reason


HUAWEI_LIKE = """\
class AbsReplicaOp(object):
    def create(self, **kwargs):
        pass

    def delete(self, replica_id):
        pass


class PairOp(AbsReplicaOp):
    def create(self, local_lun_id):
        super(PairOp, self).create()
        return self.client.create_pair(local_lun_id)
"""


def test_super_release_that_needs_an_argument_is_not_generated():
    kind, reason = _only_refusal(HUAWEI_LIKE)
    assert kind is RefusalKind.ADVICE_ONLY
    assert reason == (
        "AbsReplicaOp.delete() needs replica_id, which is not known here:"
        " super(PairOp, self).delete() would raise TypeError on every failed create()"
    )


def test_super_acquire_that_does_nothing_has_nothing_to_release():
    source = HUAWEI_LIKE.replace("def delete(self, replica_id):", "def delete(self):")
    kind, reason = _only_refusal(source)
    assert kind is RefusalKind.NOT_APPLICABLE
    assert reason == "AbsReplicaOp.create() does nothing, so there is nothing to release"


def test_super_release_of_a_base_in_another_module_is_advice_only():
    source = "from lib import base\n\n\nclass Thing(base.Thing):\n" + textwrap.indent(
        "def create(self):\n    super().create()\n    self.configure()\n", "    "
    )
    kind, reason = _only_refusal(source)
    assert kind is RefusalKind.ADVICE_ONLY
    assert "the base class base.Thing is not defined in this module" in reason


def test_exists_ok_acquire_is_advice_only():
    source = textwrap.dedent(
        """\
        import scratch


        def prepare(root):
            path = scratch.ensure_dir(root, 'cache')
            populate(path)
            scratch.remove_dir(path)
        """
    )
    outcome = transform_source(
        source,
        [(CODEMOD, {"pairs": "scratch.ensure_dir -> scratch.remove_dir (new)"})],
        allow_review=True,
    )
    assert outcome.text == source
    [refusal] = outcome.refusals
    assert refusal.kind is RefusalKind.ADVICE_ONLY
    assert "ensure_dir() is exists-ok" in refusal.reason


# -- escaping local resource: handed to the caller -----------------------------


def test_returned_directory_is_removed_when_a_later_step_fails(tmp_path):
    code = rewrite(
        """\
        import os
        import tempfile


        def unpack(root, fail):
            path = tempfile.mkdtemp(dir=root)
            os.mkdir(os.path.join(path, 'content'))
            if fail:
                raise OSError('disk full')
            return path
        """
    )
    unpack = load(code)["unpack"]
    with pytest.raises(OSError, match="^disk full$"):
        unpack(str(tmp_path), fail=True)
    assert list(tmp_path.iterdir()) == []  # the half-made directory is gone
    kept = unpack(str(tmp_path), fail=False)
    assert os.path.isdir(os.path.join(kept, "content"))  # success: handed over


def test_returned_socket_is_left_alone_since_it_closes_itself():
    source = textwrap.dedent(
        """\
        import socket


        def connect_to(address):
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sock.connect(address)
            return sock
        """
    )
    outcome = transform_source(source, [(CODEMOD, {})], allow_review=True)
    assert outcome.text == source and not outcome.fixes and not outcome.skipped_review


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
    assert (advice.findings, advice.line) == (("F1",), 9)  # the call in the loop
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
    assert [(r.kind, r.line) for r in outcome.refusals] == [(RefusalKind.ADVICE_ONLY, 17)]
    assert "inside a nested block" in outcome.refusals[0].reason


def test_report_elsewhere_leaves_create_alone():
    source = WORKSPACE_MODULE.format(excutils_import="")
    outcome = _targeted(source, 1, 2)
    assert outcome.text == source and not outcome.fixes


def test_report_on_rewritten_create_says_already_fixed():
    source = WORKSPACE_MODULE.format(excutils_import="from oslo_utils import excutils")
    once = rewrite(source, allow_review=True)
    start = once.splitlines().index("class ScratchWorkspace(Workspace):") + 1
    outcome = _targeted(once, start, start + 20)
    assert outcome.text == once
    assert [(r.kind, r.findings) for r in outcome.refusals] == [
        (RefusalKind.ALREADY_FIXED, ("F1",))
    ]


def test_report_on_unreleased_local_asks_who_releases_it():
    source = "def peek(path):\n    handle = open(path)\n    return handle.read(10)\n"
    outcome = _targeted(source, 1, 3)
    assert outcome.text == source
    # at the acquire's line, not the def's: a reader looks there
    assert [(r.kind, r.line) for r in outcome.refusals] == [(RefusalKind.ADVICE_ONLY, 2)]
    assert "neither released nor returned" in outcome.refusals[0].reason


def test_report_on_a_new_object_made_on_a_parameter_says_no_pair_releases_it():
    # nova's block_device.py: volume_api.create() makes a new Cinder volume, not the caller's;
    # vm_util.py: client_factory.create() a SOAP data object
    source = (CASES / "parameter_factory_result.unchanged.py").read_text()
    lines = source.splitlines()
    outcome = _targeted(source, 1, len(lines))
    assert outcome.text == source
    made = {r.line: r.reason for r in outcome.refusals if r.kind is RefusalKind.NOT_APPLICABLE}
    assert len(made) == len(outcome.refusals) == 3
    vol = made[lines.index("    vol = volume_api.create(ctx, size)") + 1]
    assert vol.startswith("`vol` is a new object volume_api.create() returns, not the parameter")
    assert "no pair releases it" in vol and vol.endswith(", and it is returned")
    details = made[lines.index("    s.details = client_factory.create('ns0:FileQueryFlags')") + 1]
    assert details.startswith("`s.details` is a new object client_factory.create() returns")
    assert details.endswith("is for the object create() is called on)")
    assert not any("the caller owns it" in reason for reason in made.values())


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
    assert "check that lab.reserve(sample) always makes a new resource" in skipped.reason
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


def test_neutron_fip_namespace_create_is_advice_only_and_says_why(tmp_path, neutron_fip_namespace):
    path = tmp_path / "dvr_fip_ns.py"
    path.write_bytes(neutron_fip_namespace.read_bytes())
    result = process_file(FileJob(path, "dvr_fip_ns.py", ((CODEMOD, {}),), allow_review=True))
    assert result.error is None and not result.changed and not result.fixes
    [refusal] = [r for r in result.refusals if "super().create()" in r.reason]
    assert refusal.kind is RefusalKind.ADVICE_ONLY
    assert "exists-ok" in refusal.reason and "a namespace in use" in refusal.reason
    assert "it skips FipNamespace.delete()" in refusal.reason


def test_comments_are_rewrapped_to_the_project_line_length():
    comment = "    # " + "word " * 14 + "end\n"  # 79 columns now, 83 once indented
    body = (
        "def f():\n    d = tempfile.mkdtemp()\n" + comment + "    fill(d)\n    shutil.rmtree(d)\n"
    )
    source = "import shutil\nimport tempfile\n\n\n" + body
    wrapped = rewrite(source)
    assert all(len(line) <= 79 for line in wrapped.splitlines())
    wide = transform_source(source, [(CODEMOD, {})], project=Project(line_length=86))
    assert comment.strip() in wide.text


def test_a_rewrite_past_the_project_line_length_is_refused():
    call = "    fill(d, '" + "x" * 62 + "')\n"  # 77 columns, 81 once indented
    source = (
        "import shutil\nimport tempfile\n\n\n"
        "def f():\n    d = tempfile.mkdtemp()\n" + call + "    shutil.rmtree(d)\n"
    )
    outcome = transform_source(source, [(CODEMOD, {})])
    assert outcome.text == source
    assert "past 79 columns" in outcome.refusals[0].reason
    wide = transform_source(source, [(CODEMOD, {})], project=Project(line_length=86))
    assert "    finally:\n        shutil.rmtree(d)\n" in wide.text


# -- test code and resources never released ------------------------------------------


def test_test_code_is_left_alone():
    source = "def test_x(path):\n    f = open(path)\n    f.read()\n    f.close()\n"
    for module_path in ("pkg/tests/unit/test_x.py", "test_x.py"):
        outcome = transform_source(source, [(CODEMOD, {})], module_path=module_path)
        assert outcome.text == source and not outcome.fixes and not outcome.refusals
    assert transform_source(source, [(CODEMOD, {})], module_path="pkg/x.py").text != source


UNDERSCORE_DESCRIPTOR = """\
import os
import tempfile


def load(render):
    _, path = tempfile.mkstemp()

    try:
        render(path)
    finally:
        os.unlink(path)
"""


def test_a_never_closed_descriptor_is_closed_first_in_the_finally_of_its_try():
    """enos's kolla.py: ``os.close(_)`` goes first in the try's own finally, so a failing
    ``os.unlink()`` cannot skip it; the reason quotes ``_``."""
    outcome = transform_source(UNDERSCORE_DESCRIPTOR, [(CODEMOD, {})], allow_review=True)
    [fix] = outcome.fixes
    assert "now released first in the finally of its try, when load() ends" in fix.reason
    assert "check that nothing uses `_` after load() returns" in fix.reason
    assert "    finally:\n        os.close(_)\n        os.unlink(path)\n" in outcome.text
    made, real_mkstemp = [], tempfile.mkstemp

    def mkstemp():
        made.append(real_mkstemp())
        return made[-1]

    with (
        mock.patch("tempfile.mkstemp", mkstemp),
        mock.patch("os.unlink", side_effect=OSError("unlink failed")),
        pytest.raises(OSError, match="^unlink failed$"),
    ):
        load(outcome.text)["load"](lambda path: None)
    [(descriptor, path)] = made
    os.unlink(path)
    with pytest.raises(OSError):
        os.fstat(descriptor)


NEVER_RELEASED_DIRECTORY = """\
import os
import tempfile


def write_list(target, lines, fail):
    tmp_dir = tempfile.mkdtemp(dir=target)
    tmp_path = os.path.join(tmp_dir, 'list')
    with open(tmp_path, 'w') as handle:
        handle.write('\\n'.join(lines))
    if fail:
        raise OSError('copy failed')
    os.rename(tmp_path, os.path.join(target, 'list'))
"""


def test_never_released_directory_is_removed_on_success_and_on_failure(tmp_path):
    outcome = transform_source(NEVER_RELEASED_DIRECTORY, [(CODEMOD, {})], allow_review=True)
    [fix] = outcome.fixes
    assert fix.applicability is Applicability.REVIEW
    assert "check that nothing uses tmp_dir after write_list() returns" in fix.reason
    assert outcome.text.startswith("import os\nimport shutil\nimport tempfile\n")
    write_list = load(outcome.text)["write_list"]
    with pytest.raises(OSError, match="^copy failed$"):
        write_list(str(tmp_path), ["a"], fail=True)
    assert list(tmp_path.iterdir()) == []
    write_list(str(tmp_path), ["a", "b"], fail=False)
    assert [p.name for p in tmp_path.iterdir()] == ["list"]
    assert (tmp_path / "list").read_text() == "a\nb"


@pytest.mark.parametrize(
    "escape, why",
    [
        ("    self.dirs.append(tmp_dir)\n", "self.dirs.append() may keep it"),
        ("    self.work = tmp_path\n", "it is stored in self.work"),
        ("    return {'dir': tmp_dir}\n", "it is returned"),
        ("    return tmp_path\n", "tmp_path, made from it, is returned"),
        ("    execute('mount', device, tmp_dir)\n", "it is used as a mount point"),
    ],
)
def test_never_released_directory_that_escapes_is_left_alone(escape, why):
    source = NEVER_RELEASED_DIRECTORY.replace("(target, lines", "(self, target, lines") + escape
    outcome = _targeted(source, 5, 14)
    assert outcome.text == source
    [refusal] = outcome.refusals
    assert refusal.kind is RefusalKind.ADVICE_ONLY and why in refusal.reason


SCRATCH_DEVICE = """\
def vxlan_supported():
    ip = ip_lib.IPWrapper()
    name_dummy = utils.get_rand_device_name(prefix='vxlantest-')
    ip.add_dummy(name_dummy)
    name = utils.get_rand_device_name(prefix='vxlantest-')
    port = ip.add_vxlan(name, 3000, name_dummy)
    ip.del_veth(name)
    return name == port.name
"""


class FakeIPWrapper:
    def __init__(self, fail_vxlan=False):
        self.devices, self.fail_vxlan = [], fail_vxlan

    def add_dummy(self, name):
        self.devices.append(name)

    def add_vxlan(self, name, vni, dev):
        if self.fail_vxlan:
            raise RuntimeError("vxlan not supported")
        self.devices.append(name)
        return type("Device", (), {"name": name})()

    def del_veth(self, name):
        self.devices.remove(name)


@pytest.mark.parametrize("fail_vxlan", [False, True])
def test_scratch_device_with_a_random_name_is_deleted(fail_vxlan):
    outcome = transform_source(SCRATCH_DEVICE, [(CODEMOD, {})], allow_review=True)
    assert outcome.text.endswith("    finally:\n        ip.del_veth(name_dummy)\n")
    wrapper = FakeIPWrapper(fail_vxlan)
    names = iter(["dummy0", "vxlan0"])
    utils = type("Utils", (), {"get_rand_device_name": staticmethod(lambda prefix: next(names))})
    ip_lib = type("IpLib", (), {"IPWrapper": staticmethod(lambda: wrapper)})
    vxlan_supported = load(outcome.text, ip_lib=ip_lib, utils=utils)["vxlan_supported"]
    if fail_vxlan:
        with pytest.raises(RuntimeError):
            vxlan_supported()
    else:
        assert vxlan_supported() is True
    assert wrapper.devices == []


def test_device_named_by_the_caller_is_left_alone():
    source = "def plug(name):\n    ip = ip_lib.IPWrapper()\n    ip.add_dummy(name)\n    up(name)\n"
    outcome = transform_source(source, [(CODEMOD, {})], allow_review=True)
    assert outcome.text == source and not outcome.fixes and not outcome.refusals


@pytest.mark.parametrize(
    "release", ["utils.unlink_without_raise", "self._pathutils.clean_temp_folder", "purge_dir"]
)
def test_directory_released_some_other_way_is_left_alone_with_advice(release):
    source = textwrap.dedent(
        f"""\
        import tempfile


        def is_usable(device):
            temp_folder = tempfile.mkdtemp()
            try:
                mount(device, temp_folder)
            finally:
                {release}(temp_folder)
            return True
        """
    )
    outcome = _targeted(source, 4, 10)
    assert outcome.text == source and not outcome.fixes
    [refusal] = outcome.refusals
    assert refusal.kind is RefusalKind.ADVICE_ONLY
    assert f"handed to {release}() here" in refusal.reason


@pytest.mark.parametrize(
    ("handler", "fixed"),
    [
        ("except Exception:\n        LOG.debug('cannot scan')", False),
        ("except:\n        LOG.debug('cannot scan')", False),
        ("except (OSError, BaseException):\n        LOG.debug('cannot scan')", False),
        ("except Exception:\n        LOG.debug('cannot scan')\n        raise", True),
        ("except OSError:\n        LOG.debug('cannot scan')", True),
    ],
)
def test_steps_that_catch_every_exception_and_go_on_already_reach_the_release(handler, fixed):
    source = (
        "import logging\nimport os\nimport subprocess\n\nLOG = logging.getLogger(__name__)\n\n\n"
        "def scan(cmd):\n"
        "    fnull = open(os.devnull, 'w')\n"
        "    try:\n"
        "        subprocess.check_call(cmd, stdout=fnull)\n"
        f"    {handler}\n"
        "    fnull.close()\n"
    )
    outcome = transform_source(source, [(CODEMOD, {})], allow_review=True)
    assert (outcome.text != source) is fixed


def test_a_returned_resource_the_object_keeps_first_gets_advice_where_a_report_asks():
    """community.general's btrfs_subvolume keeps its mount point before returning it."""
    path = CASES / "returned_and_kept.unchanged.py"
    source = path.read_text()
    first = source.splitlines().index("    def mount_to_tempdir(self, device, key):") + 1
    outcome = _targeted(source, first, source.count("\n"))
    assert outcome.text == source
    assert [(refusal.kind, refusal.reason) for refusal in outcome.refusals] == [
        (
            RefusalKind.ADVICE_ONLY,
            "`mountpoint` from tempfile.mkdtemp() is returned, but it is stored in"
            " self.temporary_mounts[key] before, so what keeps it may release it too;"
            " decide the cleanup on failure by hand",
        ),
        (
            RefusalKind.ADVICE_ONLY,
            "`workdir` from tempfile.mkdtemp() is returned, but it is stored in self.workdir"
            " before, so what keeps it may release it too; decide the cleanup on failure by hand",
        ),
    ]


HEALTH_CHECK = """\
import socket


def health_check(sock_address):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.connect(sock_address)
    data = s.recv(1024)
    s.close()
    return data
"""


@pytest.mark.parametrize(
    ("test_text", "with_statement"),
    [
        ("@mock.patch('socket.socket')\ndef test_health_check(self, mock_socket): pass\n", False),
        ("@mock.patch.object(socket, 'socket')\ndef test_it(self, mock_socket): pass\n", False),
        ("@mock.patch('builtins.open', mock.mock_open())\ndef test_it(self): pass\n", True),
        ("def test_it(self): pass\n", True),
        (None, False),  # aws-sam-cli's sdist prunes its tests, which patch socket.socket
    ],
)
def test_a_socket_the_tests_patch_is_closed_in_a_finally(test_text, with_statement):
    """Octavia's haproxy_vrrp_check: its test sets up socket.socket's return_value, and
    ``with`` would use what ``__enter__()`` returns, another mock (the test then hangs).
    Where the project's tests are not there to read, they may."""
    sources = [("octavia/cmd/other.py", "import socket\n")]
    if test_text is not None:
        sources.append(("octavia/tests/unit/test_check.py", test_text))
    facts = survey_of(CODEMOD).run(sources)
    outcome = transform_source(
        HEALTH_CHECK,
        [(CODEMOD, {})],
        project=Project(facts={CODEMOD: facts}),
        module_path="octavia/cmd/check.py",
    )
    assert ("with socket.socket(" in outcome.text) is with_statement
    assert ("finally:\n        s.close()" in outcome.text) is not with_statement
    if not with_statement:  # the test's mock is the object the rewritten code uses
        fake = mock.MagicMock()
        fake.recv.return_value = b"up"
        with mock.patch("socket.socket", return_value=fake):
            assert load(outcome.text)["health_check"]("/run/haproxy.sock") == b"up"
        fake.close.assert_called_once_with()


WRITE2 = """\
import os
import tempfile


def write2(text):
    filed, path = tempfile.mkstemp()
    fileh = os.fdopen(filed, 'wb')
    fileh.write(text.encode('utf-8'))
    fileh.close()
    return path
"""


@pytest.mark.parametrize(
    ("test_text", "with_statement"),
    [
        ("@mock.patch('os.fdopen')\ndef test_write(self, fdopen): pass\n", False),
        ("@mock.patch('crontab.os.fdopen', mock.mock_open())\ndef test_it(self): pass\n", False),
        ("@mock.patch.object(os, 'fdopen')\ndef test_it(self, fdopen): pass\n", False),
        ("@mock.patch('builtins.open', mock.mock_open())\ndef test_it(self): pass\n", True),
        (None, True),  # as open(): tests patch it with mock_open(), whose handle is its own
    ],
)
def test_a_file_object_from_fdopen_the_tests_patch_is_closed_in_a_finally(
    test_text, with_statement
):
    """python-crontab's write2(): os.fdopen() makes a file object as open() does, and gets
    its with, but where a test patches os.fdopen: its mock's __enter__() is another mock."""
    sources = [("crontab.py", WRITE2)]
    if test_text is not None:
        sources.append(("tests/test_write.py", test_text))
    outcome = transform_source(
        WRITE2,
        [(CODEMOD, {})],
        project=Project(facts={CODEMOD: survey_of(CODEMOD).run(sources)}),
        module_path="crontab.py",
    )
    assert ("with os.fdopen(filed, 'wb') as fileh:" in outcome.text) is with_statement
    assert ("finally:\n        fileh.close()" in outcome.text) is not with_statement


PREPEND = '''\
"""droopescan's dscan/common/release_api.py: prepend_to_file()."""


def prepend(fn, text):
    f = open(fn, 'r')
    old = f.read()
    f.close()
    f = open(fn, 'w')
    f.write(text)
    f.write(old)
    f.close()
'''


def _prepend_test(patched: str, tested: str = "rel") -> str:
    return (
        f"from mock import patch, mock_open\n\nfrom pkg import {tested}\n\n\n"
        f"def test_prepend():\n{patched}        pass\n"
    )


@pytest.mark.parametrize(
    ("patched", "with_statement"),
    [
        # droopescan's release_tests.py: a plain MagicMock, its handle set up as mo()
        ("    with patch('pkg.rel.open', create=True) as mock_open:\n", False),
        ("    with patch('builtins.open') as mo:\n", False),
        # cinder's test_gpfs patches builtins.open for the gpfs driver, not veritas_iscsi
        ("    with patch('builtins.open') as mo:\n", "other"),
        ("    with mock.patch.object(rel, 'open', create=True):\n", False),
        ("    with patch('pkg.rel.open', return_value=fake):\n", False),
        ("    with patch('pkg.other.open', create=True):\n", True),
        ("    with patch('pkg.rel.open', mock_open(read_data='old'), create=True):\n", True),
        ("    with patch('pkg.rel.open', new=mock_open(read_data='old')):\n", True),
        ("    with patch('pkg.rel.open', new_callable=mock_open) as mo:\n", True),
        ("    m = mock_open()\n    with patch('pkg.rel.open', m, create=True) as o:\n", True),
        ("    with patch('pkg.rel.open', side_effect=mock_open(read_data='x')):\n", True),
    ],
)
def test_open_the_tests_patch_with_a_plain_mock_is_closed_in_a_finally(patched, with_statement):
    """droopescan's prepend_to_file(): its test patches the module's open with a plain
    MagicMock and sets up ``mo()``, the handle; ``with`` would use ``mo().__enter__()``,
    another mock, and the test fails. ``mock_open()``'s handle is its own ``__enter__()``."""
    tested = "other" if with_statement == "other" else "rel"
    with_statement = with_statement is not False
    sources = [("pkg/rel.py", PREPEND), ("tests/test_rel.py", _prepend_test(patched, tested))]
    outcome = transform_source(
        PREPEND,
        [(CODEMOD, {})],
        project=Project(facts={CODEMOD: survey_of(CODEMOD).run(sources)}),
        module_path="pkg/rel.py",
    )
    assert ("with open(fn, 'r') as f:" in outcome.text) is with_statement
    assert ("finally:\n        f.close()" in outcome.text) is not with_statement
    reasons = [fix.reason for fix in outcome.fixes]
    assert len(reasons) == 2
    advice = "with a plain mock, whose __enter__() returns another mock"
    assert all((advice in reason) is not with_statement for reason in reasons)
    if not with_statement:  # the test's mock is the object the rewritten code uses
        opened = mock.MagicMock()
        opened().read.return_value = "old"
        load(outcome.text, open=opened)["prepend"]("F", "new")
        assert opened().write.call_args_list == [mock.call("new"), mock.call("old")]


def test_a_context_managers_descriptor_is_closed_when_its_with_block_raises(tmp_path):
    """ansible-core's file_lock(): __exit__ throws into the generator at the yield, so a
    finally around the yield closes the descriptor the lock holds."""
    source = (CASES / "context_manager_yield.before.py").read_text()
    # review: the release now also runs when the with block raises
    assert transform_source(source, [(CODEMOD, {})]).text == source
    namespace: dict = {}
    exec(compile(rewrite(source, allow_review=True), "fixed.py", "exec"), namespace)
    opened = []
    real_open = os.open

    def recording_open(*args, **kwargs):
        opened.append(real_open(*args, **kwargs))
        return opened[-1]

    with mock.patch("os.open", recording_open):
        with pytest.raises(RuntimeError):
            with namespace["file_lock"](str(tmp_path / "lock")):
                raise RuntimeError("the locked work failed")
    [fd] = opened
    with pytest.raises(OSError):
        os.fstat(fd)  # closed


def test_a_directory_whose_path_is_shown_to_the_user_holds_the_output():
    source = (
        (Path(__file__).parents[1] / "before_after/cleanup-on-failure")
        .joinpath("output_directory.unchanged.py")
        .read_text()
    )
    outcome = _targeted(source, 13, 16)
    assert outcome.text == source
    [advice] = outcome.refusals
    assert advice.kind is RefusalKind.ADVICE_ONLY
    assert "logger.info() tells the user where it is: it holds the function's output" in (
        advice.reason
    )


def test_a_temporary_directory_of_a_failed_constructor_really_goes(tmp_path):
    """Why cx_Freeze's ``self._tmp_dir = TemporaryDirectory()`` in ``__init__`` is left alone:
    the half-made object is dropped, and the directory's finalizer removes it."""
    import gc
    import tempfile
    import warnings

    made = []

    class Finder:
        def __init__(self):
            self._tmp_dir = tempfile.TemporaryDirectory(dir=tmp_path)
            made.append(Path(self._tmp_dir.name))
            raise OSError("a later step fails")

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        with pytest.raises(OSError):
            Finder()
        gc.collect()
    assert made and not made[0].exists()


def test_del_really_releases_what_a_failed_init_made(tmp_path):
    """nrfutil's Dfu: CPython runs __del__() on the object whose __init__() raised."""
    source = (CASES / "init_released_by_del.unchanged.py").read_text()
    namespace = load(source)
    made = []

    class Package:
        def unpack(self, folder):
            made.append(folder)
            raise ValueError("not a DFU package")

    with pytest.raises(ValueError):
        namespace["Dfu"](Package(), transport=None)
    assert made and not os.path.exists(made[0])


# -- the module's logger, made by the project's own factory ---------------------------

FACTORY_USER = """\
import os
import tempfile

from pkg.log import get_logger

logger = get_logger(__name__)


def build(name, make):
    temp_dir = tempfile.mkdtemp(prefix="x-")
    make(os.path.join(temp_dir, name))
    return temp_dir
"""


def _with_factory(factory_module: str, user: str = FACTORY_USER) -> str:
    sources = [("pkg/log.py", factory_module), ("pkg/build.py", user)]
    outcome = transform_source(
        user,
        [(CODEMOD, {})],
        project=Project(facts={CODEMOD: survey_of(CODEMOD).run(sources)}),
        module_path="pkg/build.py",
    )
    return outcome.text


def test_a_logger_from_the_projects_stdlib_factory_logs_the_failing_cleanup(caplog, tmp_path):
    """zenml: ``logger = get_logger(__name__)``, whose ``get_logger`` returns
    ``logging.getLogger(name)``: the handler logs with it, no new import."""
    factory = 'import logging\n\n\ndef get_logger(name):\n    """A logger."""\n    return logging.getLogger(name)\n'
    text = _with_factory(factory)
    assert 'logger.exception("Cleanup after a failed build() failed")' in text
    assert "import logging" not in text
    namespace = load(
        text.replace("from pkg.log import get_logger", ""), get_logger=logging.getLogger
    )

    def make(path):
        raise OSError("make failed")

    with (
        mock.patch("tempfile.mkdtemp", return_value=str(tmp_path)),
        mock.patch("shutil.rmtree", side_effect=RuntimeError("rmtree failed")),
        caplog.at_level(logging.ERROR, logger="rewritten"),
        pytest.raises(OSError, match="^make failed$"),
    ):
        namespace["build"]("d", make)
    assert [record.name for record in caplog.records] == ["rewritten"]


def test_a_logger_from_another_factory_is_not_taken_for_a_stdlib_logger():
    """A factory that returns anything else (pwntools' loggers re-raise in exception())."""
    factory = "import structlog\n\n\ndef get_logger(name):\n    return structlog.get_logger(name)\n"
    text = _with_factory(factory)
    assert "logging.getLogger(__name__).exception(" in text


@pytest.mark.parametrize(
    ("log_module", "expected"),
    [
        ('import logging\n\nLOGGER = logging.getLogger("pkg")\n', "LOGGER.exception("),
        (
            "from oslo_log import log as logging\n\nLOGGER = logging.getLogger(__name__)\n",
            "LOGGER.exception(",
        ),
        (
            "import structlog\n\nLOGGER = structlog.getLogger()\n",
            "logging.getLogger(__name__).exception(",
        ),
    ],
)
def test_a_logger_the_module_imports_from_the_project_logs_the_failing_cleanup(
    log_module, expected
):
    """Weblate's ``from weblate.logger import LOGGER``, a ``logging.getLogger("weblate")``."""
    user = FACTORY_USER.replace(
        "from pkg.log import get_logger\n\nlogger = get_logger(__name__)\n",
        "from pkg.log import LOGGER\n",
    )
    assert expected in _with_factory(log_module, user)


OBJECT_LOGGER = """\
import os
{facility}

class Fifo:
    def create_fifo(self, path):
        fd = os.open(path, os.O_RDWR)
        self.loop.add_reader(fd, self.watch_fd)
        self.context.log.debug("fifo %s", fd)
        return fd
"""


@pytest.mark.parametrize(
    ("facility", "logger"),
    [
        ("", "self.context.log.exception("),
        ("from twisted.logger import Logger\n", "logging.getLogger(__name__).exception("),
        ("from twisted.python import log\n", "logging.getLogger(__name__).exception("),
        ("import txaio\n", "logging.getLogger(__name__).exception("),
        ("from pwn import log\n", "logging.getLogger(__name__).exception("),
    ],
)
def test_a_method_logging_through_its_object_logs_the_failing_cleanup_with_it(facility, logger):
    """irc3's Fifo.create_fifo() logs through self.context.log; not where the module imports
    a facility whose loggers have no exception() (Twisted's, txaio's) or re-raise in it."""
    text = rewrite(OBJECT_LOGGER.format(facility=facility))
    assert logger in text
    assert ("import logging" in text) == (logger.startswith("logging."))


ATOMIC_WRITE = '''\
"""Shaped like todoman's model.py: mkstemp()'s descriptor goes to os.fdopen() at once,
and the file object is yielded, closed only when the body succeeds."""
import contextlib
import os
import tempfile


@contextlib.contextmanager
def atomic_write(dest):
    fd, src = tempfile.mkstemp(dir=os.path.dirname(dest))
    file = os.fdopen(fd, mode="wb")

    try:
        yield file
    except Exception:
        os.unlink(src)
        raise
    else:
        file.flush()
        file.close()
        os.link(src, dest)
        os.unlink(src)
'''


def test_a_descriptor_given_to_fdopen_at_once_is_judged_by_its_file_object():
    outcome = _targeted(ATOMIC_WRITE, 10, 10)  # where a CWE-772 report points
    assert outcome.text == ATOMIC_WRITE
    # the file object is an acquire of its own (line 11), as open()'s would be
    [advice] = [refusal for refusal in outcome.refusals if refusal.line == 10]
    assert advice.kind is RefusalKind.ADVICE_ONLY
    assert "yielded" not in advice.reason and "os.fdopen() takes fd over" in advice.reason
    assert "file.close() runs only when the try succeeds" in advice.reason
    assert "with os.fdopen(...) as file:" in advice.reason


# -- Tryton models: the transaction rolled back undoes what create() wrote -----

TRYTON_MODELSQL = """\
from trytond.transaction import Transaction

from .modelstorage import ModelStorage


class ModelSQL(ModelStorage):
    @classmethod
    def create(cls, vlist):
        records = super().create(vlist)
        cls._insert_history([r.id for r in records])
        return records
"""

TRYTON_MODELSTORAGE = """\
from trytond.transaction import Transaction

from .model import Model


class ModelStorage(Model):
    @classmethod
    def import_data(cls, fields_names, data):
        to_create = [cls._convert(fields_names, row) for row in data]
        new_records = cls.create(to_create)
        cls._translate(new_records)
        return len(new_records)
"""

TRYTON_POOL_MODEL = """\
from trytond.pool import PoolMeta


class Party(metaclass=PoolMeta):
    __name__ = 'party.party'

    def duplicate(self, values):
        copies = self.create([values])
        self._update_addresses(copies)
        return copies
"""


@pytest.mark.parametrize(
    "source, module_path, tryton",
    [
        (TRYTON_MODELSQL, "trytond/model/modelsql.py", True),
        (TRYTON_MODELSQL, "otherorm/model/modelsql.py", False),
        (TRYTON_POOL_MODEL, "party/party.py", True),
        (TRYTON_MODELSTORAGE, "trytond/model/modelstorage.py", True),
    ],
)
def test_a_tryton_models_create_needs_no_delete(source, module_path, tryton):
    """trytond's own ``ModelSQL(ModelStorage)`` (a relative import of the ``trytond.model``
    package) and a pool model (``metaclass=PoolMeta``, no bases): the rows are in the
    transaction Tryton rolls back; another ORM's model is left to a reviewer. So are the rows
    of trytond's ``ModelStorage.import_data()``: ``cls.create(to_create)``."""
    outcome = transform_source(source, [(CODEMOD, {})], allow_review=True, module_path=module_path)
    [refusal] = outcome.refusals
    assert outcome.text == source
    assert ("a Tryton model's create() inserts rows" in refusal.reason) is tryton
    expected = RefusalKind.NOT_APPLICABLE if tryton else RefusalKind.ADVICE_ONLY
    assert refusal.kind is expected


def test_cls_create_on_a_tryton_pool_model_says_the_transaction_undoes_it():
    """A pool model has no bases (``metaclass=PoolMeta``): not "defines no delete()"."""
    source = textwrap.dedent(
        """\
        from trytond.pool import PoolMeta


        class User(metaclass=PoolMeta):
            @classmethod
            def add_defaults(cls, vlist):
                users = cls.create(vlist)
                cls._notify(users)
                return users
        """
    )
    outcome = transform_source(source, [(CODEMOD, {})], allow_review=True, module_path="m.py")
    [refusal] = outcome.refusals
    assert "a Tryton model's create() inserts rows" in refusal.reason


# -- self.create() where no module of the project defines delete() ----------------------


@pytest.mark.parametrize(
    ("elsewhere", "said"),
    [
        ("def helper():\n    pass\n", "no module of the project defines delete()"),
        ("class Repo:\n    def delete(self):\n        pass\n", "tear down the whole object"),
    ],
)
def test_self_create_where_no_module_of_the_project_defines_delete(elsewhere, said):
    """cvat-sdk's ProjectsRepo: self.create() comes from the project's own mixins, and no
    module of the project defines delete(): there is no self.delete() to advise about."""
    source = (CASES / "self_create_with_no_delete_in_the_project.unchanged.py").read_text()
    path = "cvat_sdk/core/proxies/projects.py"
    sources = [(path, source), ("cvat_sdk/core/proxies/model_proxy.py", elsewhere)]
    sources.append(("tests/test_projects.py", "class Fake:\n    def delete(self):\n        pass\n"))
    outcome = transform_source(
        source,
        [(CODEMOD, {})],
        project=Project(facts={CODEMOD: survey_of(CODEMOD).run(sources)}),
        module_path=path,
    )
    assert outcome.text == source
    [refusal] = outcome.refusals
    assert said in refusal.reason


@pytest.mark.parametrize(
    ("step", "fails"),
    [
        ("count = 0", False),
        ("print(x)", False),
        ('print(f"{a.b!r:>10}")', False),
        ('LOG.info("made %s", d)', False),
        ("atexit.register(self.close)", False),
        ("stack.callback(os.unlink, name)", False),
        ("print(x, file=f)", True),  # a write to a file
        ("print(len(x))", True),  # a call in the arguments
        ('LOG.info("%s" % d)', True),
        ("logging.info(x)", True),  # not a logger's name
        ("print(*xs)", True),
        ("helper(x)", True),
    ],
)
def test_only_a_report_or_a_registered_cleanup_of_plain_values_cannot_fail(step, fails):
    assert can_fail(cst.parse_module(step + "\n").body) is fails
