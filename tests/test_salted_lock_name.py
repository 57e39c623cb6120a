"""salted-lock-name: the emitted code, run for real with oslo.concurrency.

The before_after cases show the shapes; these tests show that the rewritten
code does what the fix promises across real processes, and how the codemod
answers report findings.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from cwemod.codemods import Applicability, LineRange, RefusalKind, get_codemod
from cwemod.codemods._lock_survey import module_locks
from cwemod.engine import FixRequest, plan, transform_source, write_results

CODEMOD = "salted-lock-name"
KEY_ENV = "OSLO_LOCK_NAME_KEY"

LOCKER_MODULE = textwrap.dedent(
    """\
    from oslo_concurrency import lockutils


    def take(namespace, lock_path, blocking=True):
        return lockutils.lock('demo-ipset-%s' % namespace, external=True,
                              lock_path=lock_path, blocking=blocking)


    @lockutils.synchronized('demo-sync', external=True, blocking=False)
    def synced(callback):
        return callback()
    """
)

# Holds both locks until told to let go, or tries both without blocking.
WORKER = textwrap.dedent(
    """\
    import os
    import sys
    import time

    from oslo_concurrency import lockutils

    lock_path, mode, ready, release = sys.argv[1:5]
    lockutils.set_defaults(lock_path)
    import locker


    def hold():
        open(ready, 'w').close()
        deadline = time.monotonic() + 30
        while not os.path.exists(release) and time.monotonic() < deadline:
            time.sleep(0.01)


    def attempt(label, take):
        try:
            take()
        except lockutils.AcquireLockFailedException:
            return label + ':busy'
        return label + ':acquired'


    def try_lock():
        with locker.take('ns1', lock_path, blocking=False):
            pass


    if mode == 'hold':
        with locker.take('ns1', lock_path):
            locker.synced(hold)
    else:
        print(attempt('lock', try_lock), attempt('sync', lambda: locker.synced(lambda: None)))
    print('imports-cwemod' if any(name.startswith('cwemod') for name in sys.modules) else 'no-cwemod')
    """
)


def keyed(name: str, key: str) -> str:
    """The name the fix promises: name + '-' + HMAC-SHA256(key, name)[:16]."""
    return name + "-" + hmac.new(key.encode(), name.encode(), hashlib.sha256).hexdigest()[:16]


@pytest.fixture
def patched_project(tmp_path: Path) -> Path:
    outcome = transform_source(LOCKER_MODULE, [(CODEMOD, {})])
    assert len(outcome.fixes) == 2, outcome
    assert "cwemod" not in outcome.text
    project = tmp_path / "project"
    project.mkdir()
    (project / "locker.py").write_text(outcome.text, encoding="utf-8")
    (project / "worker.py").write_text(WORKER, encoding="utf-8")
    return project


def worker(project: Path, lock_path: Path, mode: str, key: str | None, popen: bool = False):
    env = {name: value for name, value in os.environ.items() if name != KEY_ENV}
    env["PYTHONPATH"] = str(project)
    if key is not None:
        env[KEY_ENV] = key
    argv = [sys.executable, str(project / "worker.py"), str(lock_path), mode]
    argv += [str(lock_path.parent / "ready"), str(lock_path.parent / "release")]
    if popen:
        return subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, text=True)
    return subprocess.run(
        argv, env=env, capture_output=True, text=True, timeout=60, check=True
    ).stdout.split()


def wait_for(path: Path, holder: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        assert holder.poll() is None, "the holder exited before taking the locks"
        assert time.monotonic() < deadline, "the holder never took the locks"
        time.sleep(0.01)


def test_keyed_locks_exclude_with_same_key_and_split_with_different_keys(patched_project, tmp_path):
    lock_path = tmp_path / "locks"
    lock_path.mkdir()
    holder = worker(patched_project, lock_path, "hold", "key-one", popen=True)
    try:
        wait_for(tmp_path / "ready", holder)
        same_key = worker(patched_project, lock_path, "try", "key-one")
        other_key = worker(patched_project, lock_path, "try", "key-two")
        no_key = worker(patched_project, lock_path, "try", None)
    finally:
        (tmp_path / "release").touch()
        holder_output, _ = holder.communicate(timeout=60)
    assert holder.returncode == 0
    assert holder_output.split() == ["no-cwemod"]

    assert same_key == ["lock:busy", "sync:busy", "no-cwemod"]
    assert other_key == ["lock:acquired", "sync:acquired", "no-cwemod"]
    assert no_key == ["lock:acquired", "sync:acquired", "no-cwemod"]

    names = ("demo-ipset-ns1", "demo-sync")
    expected = {keyed(name, key) for name in names for key in ("key-one", "key-two")} | set(names)
    assert len(expected) == 6  # different keys, different files
    assert {path.name for path in lock_path.iterdir()} == expected


def test_without_a_key_the_lock_file_keeps_its_original_name(patched_project, tmp_path):
    lock_path = tmp_path / "locks"
    lock_path.mkdir()
    assert worker(patched_project, lock_path, "try", "") == [
        "lock:acquired",
        "sync:acquired",
        "no-cwemod",
    ]
    assert sorted(path.name for path in lock_path.iterdir()) == ["demo-ipset-ns1", "demo-sync"]


FIP_NAMESPACE = textwrap.dedent(
    """\
    import contextlib

    from oslo_concurrency import lockutils


    class FipNamespace:
        @contextlib.contextmanager
        def _fip_port_lock(self, interface_name):
            lock_name = 'port-lock-' + self.name + '-' + interface_name
            with lockutils.lock(lock_name, 'neutron-'):
                yield

        def set_members(self):
            with lockutils.lock('ipset-' + self.name, external=True):
                pass
    """
)


def lines_of(source: str, text: str) -> int:
    return next(number for number, line in enumerate(source.splitlines(), 1) if text in line)


def test_report_on_in_process_lock_is_not_applicable():
    start = lines_of(FIP_NAMESPACE, "def _fip_port_lock")
    target = LineRange(start, start + 4, finding="seed-1")
    outcome = transform_source(FIP_NAMESPACE, [(CODEMOD, {})], targets={CODEMOD: [target]})

    assert (
        outcome.text == FIP_NAMESPACE
    )  # the external lock elsewhere is not what the finding points at
    assert not outcome.fixes
    [refusal] = outcome.refusals
    assert refusal.kind is RefusalKind.NOT_APPLICABLE
    assert "in-process semaphore: the name never leaves the process" in refusal.reason
    assert refusal.findings == ("seed-1",)
    assert refusal.line == lines_of(FIP_NAMESPACE, "with lockutils.lock(lock_name")


def test_report_on_external_lock_keys_only_that_site():
    line = lines_of(FIP_NAMESPACE, "external=True")
    outcome = transform_source(
        FIP_NAMESPACE, [(CODEMOD, {})], targets={CODEMOD: [LineRange(line, line, "f2")]}
    )

    [fix] = outcome.fixes
    assert fix.applicability is Applicability.SAFE and fix.findings == ("f2",)
    assert "lockutils.lock(_salted_lock_name('ipset-' + self.name),\n" in outcome.text
    assert "lockutils.lock(lock_name, 'neutron-')" in outcome.text
    assert outcome.text.count("def _salted_lock_name(") == 1
    assert not outcome.refusals  # the in-process lock is outside the report: nothing said about it


def test_key_env_option_must_name_an_environment_variable():
    with pytest.raises(ValueError, match="key-env"):
        transform_source(FIP_NAMESPACE, [(CODEMOD, {"key-env": "KEY; import os"})])


def test_explain_covers_threat_fix_rollout_and_refusals():
    codemod = get_codemod(CODEMOD)
    for section in (
        "## What it does",
        "## Why is this bad?",
        "## Fix safety",
        "## Refuses",
        "## Options",
    ):
        assert section in codemod.docs
    assert "same key" in codemod.docs and "lock_path" in codemod.docs  # the rollout
    assert "in-process semaphore: the name never leaves the process" in codemod.docs.replace(
        "\n  ", " "
    )
    assert f'`key-env` (default `"{codemod.default_options["key-env"]}"`)' in codemod.docs
    example = transform_source(codemod.example, [(CODEMOD, {})])
    assert example.fixes and "_salted_lock_name('ipset-%s'" in example.text


# -- a whole project: one helper, families keyed alike -----------------------------------


def write_project(root: Path, files: dict[str, str]) -> Path:
    (root / "tox.ini").write_text("[flake8]\nmax-line-length = 79\n", encoding="utf-8")
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def run_project(root: Path, unsafe: bool = True) -> dict[str, object]:
    results = plan(FixRequest([root], [(CODEMOD, {})], allow_review=unsafe, jobs=1))
    return {result.path.relative_to(root).as_posix(): result for result in results}


WRAPPER_PROJECT = {
    "brick/__init__.py": "",
    "brick/connectors/__init__.py": "",
    "brick/connectors/base.py": """\
        import functools

        from oslo_concurrency import lockutils

        LOG = None


        def synchronized(name, lock_file_prefix='brick-', external=False,
                         lock_path=None):
            def wrap(f):
                @functools.wraps(f)
                def inner(*args, **kwargs):
                    with lockutils.lock(name, lock_file_prefix, external,
                                        lock_path):
                        return f(*args, **kwargs)
                return inner
            return wrap
        """,
    "brick/connectors/iscsi.py": """\
        from brick.connectors import base


        class Connector:
            @base.synchronized('connect_volume', external=True)
            def connect_volume(self):
                return True
        """,
    "brick/guard.py": """\
        import contextlib

        from oslo_concurrency import lockutils


        @contextlib.contextmanager
        def guard_connection(device):
            with lockutils.lock(device['service_uuid'], 'brick-',
                                external=True):
                yield
        """,
}


def test_project_wrapper_is_keyed_once_and_its_callers_left_alone(tmp_path):
    results = run_project(write_project(tmp_path, WRAPPER_PROJECT))

    base = results["brick/connectors/base.py"]
    assert base.new_text.count("def salted_lock_name(name):") == 1
    assert "lockutils.lock(salted_lock_name(name), lock_file_prefix," in base.new_text
    caller = results["brick/connectors/iscsi.py"]
    assert not caller.changed
    assert [r.reason for r in caller.refusals] == [
        "keyed inside brick.connectors.base.synchronized"
    ]
    guard = results["brick/guard.py"].new_text
    assert "from brick.connectors import base\n" in guard
    assert "lockutils.lock(base.salted_lock_name(device['service_uuid'])," in guard
    assert "def salted_lock_name" not in guard  # one helper per project
    changed = [r for r in results.values() if r.changed]
    assert all(len(line) <= 79 for r in changed for line in r.new_text.splitlines())

    namespace: dict[str, object] = {}
    helper = base.new_text[base.new_text.index("def salted_lock_name") :]
    exec("import hashlib, hmac, os\n" + helper.split("\n\n\n")[0], namespace)
    salted = namespace["salted_lock_name"]
    os.environ.pop(KEY_ENV, None)
    assert salted("connect_volume") == "connect_volume"
    os.environ[KEY_ENV] = "k"
    try:
        assert salted("connect_volume") == keyed("connect_volume", "k")
    finally:
        del os.environ[KEY_ENV]


def test_a_family_keyed_by_a_review_level_wrapper_is_keyed_with_it_or_not_at_all(tmp_path):
    results = run_project(write_project(tmp_path, WRAPPER_PROJECT), unsafe=False)

    assert not any(result.changed for result in results.values())
    skipped = {name: r.skipped_review for name, r in results.items() if r.skipped_review}
    assert set(skipped) == {"brick/connectors/base.py", "brick/guard.py"}
    [guard] = skipped["brick/guard.py"]
    assert "keyed with a wrapper that decides external= at run time" in guard.reason


COORDINATED_PROJECT = {
    "vol/__init__.py": "",
    "vol/utils.py": """\
        from oslo_concurrency import lockutils

        synchronized = lockutils.synchronized_with_prefix('vol-')
        synchronized_remove = lockutils.remove_external_lock_file_with_prefix(
            'vol-')


        def clean_volume_file_locks(volume_id):
            synchronized_remove(volume_id + '-delete_volume')
        """,
    "vol/coordination.py": """\
        from tooz import coordination


        class Coordinator:
            def __init__(self, prefix=''):
                self.prefix = prefix
                self.coordinator = coordination


        COORDINATOR = Coordinator(prefix='vol-')
        """,
    "vol/target.py": """\
        from vol import utils


        class Target:
            @utils.synchronized('nvmetcli', external=True)
            def create_export(self):
                return True
        """,
    "vol/zone.py": """\
        import re

        from oslo_concurrency import lockutils

        from vol import coordination


        class ZoneDriver:
            @lockutils.synchronized('brcd', 'fcfabric-', True)
            def add_connection(self, fabric):
                return re.escape(fabric), coordination
        """,
    "vol/cisco.py": """\
        from oslo_concurrency import lockutils

        from vol.zm import utils


        class CiscoDriver:
            @lockutils.synchronized('cisco', 'fcfabric-', True)
            def add_connection(self, fabric):
                return utils.format(fabric)
        """,
}


def test_a_family_with_a_member_that_cannot_be_keyed_is_left_alone_everywhere(tmp_path):
    results = run_project(write_project(tmp_path, COORDINATED_PROJECT))

    for name in ("vol/target.py", "vol/utils.py"):
        [refusal] = results[name].refusals
        assert refusal.kind is RefusalKind.ADVICE_ONLY
        assert "tooz locks in vol.coordination use the same prefix 'vol-'" in refusal.reason
    assert not results["vol/target.py"].changed
    utils = results["vol/utils.py"].new_text
    assert "synchronized_remove(volume_id + '-delete_volume')" in utils  # not keyed
    assert utils.count("def salted_lock_name(name):") == 1  # the home of the helper

    zone = results["vol/zone.py"].new_text
    assert "@lockutils.synchronized(utils.salted_lock_name('brcd'), 'fcfabric-', True)" in zone
    assert "from vol import coordination\nfrom vol import utils\n" in zone  # hacking order
    cisco = results["vol/cisco.py"].new_text  # `utils` is another module there
    assert "from vol import utils as vol_utils\nfrom vol.zm import utils\n" in cisco
    assert "@lockutils.synchronized(vol_utils.salted_lock_name('cisco'), 'fcfabric-'," in cisco


APACHE = textwrap.dedent(
    """\
    # Licensed under the Apache License, Version 2.0 (the "License"); you may
    # not use this file except in compliance with the License.
    #
    #    http://www.apache.org/licenses/LICENSE-2.0
    #
    # See the License for the specific language governing permissions and
    # limitations under the License.
    """
)
IPSET = """
    from oslo_concurrency import lockutils


    def set_members(namespace):
        with lockutils.lock('ipset-%s' % namespace, external=True):
            return namespace
    """
IPTABLES = """
    from oslo_concurrency import lockutils


    def apply(namespace):
        with lockutils.lock('iptables-' + namespace, 'net-', True):
            return namespace
    """
UNWRAPPED_PROJECT = {
    "net/__init__.py": "",
    "net/common/__init__.py": "",
    "net/agent/__init__.py": "",
    "net/agent/ipset.py": "# Copyright 2024 Someone\n#\n" + APACHE + textwrap.dedent(IPSET),
    "net/agent/iptables.py": APACHE + textwrap.dedent(IPTABLES),
}


@pytest.mark.parametrize(
    ("opening", "notice"),
    [
        ("# Copyright 2024 Someone\n#\n" + APACHE, APACHE),
        # caso 5.2.2: a coding cookie and a blank line before the copyright and the notice
        # (the cookie is left out: Python 3 reads UTF-8 without it, and the helper is ASCII)
        ("# -*- coding: utf-8 -*-\n\n# Copyright 2014 CSIC\n#\n" + APACHE, APACHE),
        ("#!/usr/bin/env python3\n# -*- coding: utf-8 -*-\n\n\n" + APACHE, APACHE),
        ("# Copyright 2024 Someone\n\n" + APACHE, APACHE),
        ('"""A module."""\n' + APACHE, ""),  # comments after code are no module's header
        (APACHE.replace("#\n", "\n", 1), ""),  # a notice cut by a blank line is not whole
        ("# Licensed under the Apache License, Version 2.0\n", ""),
    ],
)
def test_the_license_notice_is_read_past_a_shebang_coding_cookie_and_blank_lines(opening, notice):
    text = opening + "\nfrom oslo_concurrency import lockutils\n"
    assert module_locks("pkg/a.py", text).license_header == notice.rstrip("\n")


def test_without_a_lock_wrapper_one_new_module_holds_the_helper(tmp_path):
    results = run_project(write_project(tmp_path, UNWRAPPED_PROJECT))

    created = results["net/common/locks.py"]
    assert created.created and created.changed and created.old == b""
    assert [fix.codemod for fix in created.fixes] == [CODEMOD]
    text = created.new_text
    assert text.startswith(APACHE + "\n")  # the notice, without anyone's copyright
    assert "import hashlib\nimport hmac\nimport os\n\n\ndef salted_lock_name(name):" in text
    for name in ("net/agent/ipset.py", "net/agent/iptables.py"):
        user = results[name].new_text
        assert "from oslo_concurrency import lockutils\n\nfrom net.common import locks\n" in user
        assert "locks.salted_lock_name(" in user
        assert "def salted_lock_name" not in user  # never pasted into its users
    paths = list(results)
    assert paths.index("net/common/locks.py") < paths.index("net/agent/ipset.py")


def test_a_module_whose_wrapper_locks_only_in_process_is_not_the_helpers_home(tmp_path):
    memoize = """\
        from oslo_concurrency import lockutils


        def memoize(lock_name):
            def memoizer_wrapper(func):
                @lockutils.synchronized(lock_name)
                def memoizer(lock_name):
                    return func()

                return memoizer(lock_name)

            return memoizer_wrapper
        """
    project = {**UNWRAPPED_PROJECT, "net/api/__init__.py": "", "net/api/common.py": memoize}
    results = run_project(write_project(tmp_path, project))

    assert not results["net/api/common.py"].changed
    assert results["net/common/locks.py"].created
    assert "from net.common import locks\n" in results["net/agent/ipset.py"].new_text


def test_a_project_that_locks_only_through_its_partial_gets_the_helper_beside_it(tmp_path):
    # No module calls lockutils itself: the partial's callers are the helper's users.
    project = {
        "net/__init__.py": "",
        "net/utils.py": """\
            from oslo_concurrency import lockutils

            synchronized = lockutils.synchronized_with_prefix('net-')
            """,
        "net/agent.py": """\
            from net import utils


            @utils.synchronized('refresh', external=True)
            def refresh(namespace):
                return namespace
            """,
    }
    results = run_project(write_project(tmp_path, project))

    assert "def salted_lock_name(name):" in results["net/utils.py"].new_text
    agent = results["net/agent.py"]
    assert agent.error is None
    assert "@utils.synchronized(utils.salted_lock_name('refresh'), external=True)" in (
        agent.new_text
    )


def test_the_helpers_record_in_its_home_gives_the_line_it_goes_before(tmp_path):
    """zun's utils.py: after the imports and constants, before the first function."""
    home = "import os\n\nfrom oslo_concurrency import lockutils\n\nCONF = {}\nsynchronized = "
    home += "lockutils.synchronized_with_prefix('net-')\n\n\ndef first():\n    return os.sep\n"
    project = {
        "net/__init__.py": "",
        "net/utils.py": home,
        "net/agent.py": "from net import utils\n\n\n@utils.synchronized('refresh', external=True)"
        "\ndef refresh(namespace):\n    return namespace\n",
    }
    results = run_project(write_project(tmp_path, project))

    [fix] = results["net/utils.py"].fixes
    assert "lock-name helper" in fix.reason
    assert home.splitlines()[fix.line - 1] == "def first():"
    assert (
        "\n\n\ndef salted_lock_name(name):"
        in results["net/utils.py"].new_text.split("def first")[0]
    )


def test_test_code_is_never_keyed_nor_the_helpers_home(tmp_path):
    # oslo.concurrency's own tests take external locks and check their files by name.
    tests = {
        "net/tests/__init__.py": "",
        "net/tests/base.py": """\
            from oslo_concurrency import lockutils


            def locked(name):
                return lockutils.lock(name, external=True)
            """,
        "net/tests/test_locks.py": """\
            from oslo_concurrency import lockutils


            def test_lock_file(lock_dir):
                with lockutils.lock('lock-file', external=True, lock_path=lock_dir):
                    pass
            """,
    }
    results = run_project(write_project(tmp_path, {**UNWRAPPED_PROJECT, **tests}))

    assert not any(results[name].changed for name in tests)
    assert results["net/common/locks.py"].created  # the helper's home is no test module
    assert "from net.common import locks\n" in results["net/agent/ipset.py"].new_text

    (tmp_path / "only_tests").mkdir()
    only_tests = run_project(
        write_project(tmp_path / "only_tests", {"net/__init__.py": "", **tests})
    )
    assert not any(result.changed for result in only_tests.values())


def test_report_on_a_lock_in_test_code_is_not_applicable():
    source = textwrap.dedent(
        """\
        from oslo_concurrency import lockutils


        def test_lock_file(lock_dir):
            with lockutils.lock('lock-file', external=True, lock_path=lock_dir):
                pass
        """
    )
    line = lines_of(source, "external=True")
    outcome = transform_source(
        source,
        [(CODEMOD, {})],
        targets={CODEMOD: [LineRange(line, line, "f1")]},
        module_path="net/tests/test_locks.py",
    )

    assert outcome.text == source and not outcome.fixes
    [refusal] = outcome.refusals
    assert refusal.kind is RefusalKind.NOT_APPLICABLE and refusal.reason.startswith("test code")


def test_the_new_module_is_created_once_and_a_second_run_adds_nothing(tmp_path):
    root = write_project(tmp_path, UNWRAPPED_PROJECT)
    results = plan(FixRequest([root], [(CODEMOD, {})], allow_review=True, jobs=1))

    assert write_results(results) == []

    assert (root / "net/common/locks.py").read_text(encoding="utf-8") == next(
        result.new_text for result in results if result.created
    )
    again = run_project(root)
    assert not any(result.changed for result in again.values())
    assert "net/common/locks.py" in again  # a module of the project now


def test_a_run_that_does_not_cover_the_new_modules_directory_creates_nothing(tmp_path):
    write_project(tmp_path, UNWRAPPED_PROJECT)

    results = run_paths(tmp_path, ["net/agent"])

    assert not any(result.changed for result in results.values())
    [refusal] = results["net/agent/ipset.py"].refusals
    assert "a new module, net/common/locks.py, in a directory this run does not cover" in (
        refusal.reason
    )


def test_without_a_common_package_the_new_module_goes_into_the_users_package(tmp_path):
    project = {**UNWRAPPED_PROJECT}
    del project["net/common/__init__.py"]

    results = run_project(write_project(tmp_path, project))

    assert results["net/locks.py"].created
    assert "from net import locks\n" in results["net/agent/ipset.py"].new_text


def test_a_new_module_only_private_modules_call_is_private(tmp_path):
    """oslo.messaging's: its users are in ``_drivers`` and ``_metrics``."""
    project = {
        "net/__init__.py": "",
        "net/_drivers/__init__.py": "",
        "net/_drivers/ipset.py": textwrap.dedent(IPSET),
        "net/_iptables.py": textwrap.dedent(IPTABLES),
    }

    results = run_project(write_project(tmp_path, project))

    assert results["net/_locks.py"].created
    assert "from net import _locks\n" in results["net/_drivers/ipset.py"].new_text
    assert "_locks.salted_lock_name(" in results["net/_iptables.py"].new_text


def test_a_file_where_the_new_module_would_go_is_never_replaced(tmp_path):
    project = {**UNWRAPPED_PROJECT, "net/common/locks.py": "import os\n"}

    results = run_project(write_project(tmp_path, project))

    assert not any(result.changed for result in results.values())
    [refusal] = results["net/agent/ipset.py"].refusals
    assert "new module would be net/common/locks.py, and another file is there" in (refusal.reason)


def test_with_a_report_the_new_module_is_left_to_a_whole_tree_run(tmp_path):
    root = write_project(tmp_path, UNWRAPPED_PROJECT)
    ipset = root / "net/agent/ipset.py"
    line = lines_of(ipset.read_text(encoding="utf-8"), "lockutils.lock(")
    request = FixRequest([root], [(CODEMOD, {})], jobs=1)
    request.targets = {ipset: {CODEMOD: [LineRange(line, line, "F1")]}}

    results = plan(request)

    assert not any(result.changed for result in results)
    [refusal] = results[0].refusals
    assert "created as net/common/locks.py by a whole-tree run" in refusal.reason


def test_lock_users_in_no_one_package_have_no_shared_place_for_the_helper(tmp_path):
    project = {
        "ipset.py": """\
            from oslo_concurrency import lockutils


            def set_members(namespace):
                with lockutils.lock('ipset-%s' % namespace, external=True):
                    return namespace
            """,
    }
    results = run_project(write_project(tmp_path, project))

    ipset = results["ipset.py"]
    assert not ipset.changed
    [refusal] = ipset.refusals
    assert refusal.kind is RefusalKind.ADVICE_ONLY
    assert "no shared place for the helper" in refusal.reason


def test_a_top_directory_that_is_no_package_is_no_place_for_the_helper(tmp_path):
    project = {f"src/{name}": text for name, text in UNWRAPPED_PROJECT.items()}

    results = run_project(write_project(tmp_path, project))  # src/net/... : `import src` fails

    assert not any(result.changed for result in results.values())
    [refusal] = results["src/net/agent/ipset.py"].refusals
    assert "no shared place for the helper" in refusal.reason


def test_the_created_helper_keys_an_oslo_concurrency_lock(tmp_path, monkeypatch):
    lockutils = pytest.importorskip("oslo_concurrency.lockutils")
    (tmp_path / "project").mkdir()
    root = write_project(tmp_path / "project", UNWRAPPED_PROJECT)
    write_results(plan(FixRequest([root], [(CODEMOD, {})], allow_review=True, jobs=1)))
    monkeypatch.syspath_prepend(str(root))
    monkeypatch.setenv(KEY_ENV, "secret")
    for name in [module for module in sys.modules if module == "net" or module.startswith("net.")]:
        monkeypatch.delitem(sys.modules, name)
    from net.agent import ipset  # the patched module, with the created helper

    lock_path = tmp_path / "locks"
    lockutils.set_defaults(str(lock_path))
    try:
        assert ipset.set_members("ns1") == "ns1"
    finally:
        lockutils.set_defaults(None)

    assert [path.name for path in lock_path.iterdir()] == [keyed("ipset-ns1", "secret")]


def run_paths(root: Path, names: list[str]) -> dict[str, object]:
    request = FixRequest([root / name for name in names], [(CODEMOD, {})], allow_review=True)
    request.jobs = 1
    return {result.path.relative_to(root).as_posix(): result for result in plan(request)}


def test_a_run_that_leaves_out_the_helpers_home_keys_nothing_that_would_call_it(tmp_path):
    write_project(tmp_path, COORDINATED_PROJECT)

    results = run_paths(tmp_path, ["vol/zone.py"])

    zone = results["vol/zone.py"]
    assert not zone.changed  # utils.salted_lock_name would not exist
    [refusal] = zone.refusals
    assert "the helper goes into vol/utils.py, which this run does not cover" in refusal.reason


def test_a_run_over_the_home_alone_adds_no_helper_that_nothing_calls(tmp_path):
    write_project(tmp_path, COORDINATED_PROJECT)

    results = run_paths(tmp_path, ["vol/utils.py"])

    assert not results["vol/utils.py"].changed
    both = run_paths(tmp_path, ["vol/utils.py", "vol/zone.py"])
    assert "def salted_lock_name(name):" in both["vol/utils.py"].new_text
    assert "utils.salted_lock_name('brcd')" in both["vol/zone.py"].new_text


GLANCE_STORE_UTILS = """\
    from oslo_concurrency import lockutils

    synchronized = lockutils.synchronized_with_prefix('glance_store-')
    """


def fs_mount(mount_shape: str, umount_shape: str) -> str:
    """glance-store's glance_store/common/fs_mount.py, its two lock sites given."""
    return textwrap.dedent(
        """\
        import os

        from oslo_concurrency import lockutils


        class _HostMountState(object):
            def mount(self, fstype, export, vol_name, mountpoint, host):
        {mount}
                def _mount_with_lock():
                    pass

                _mount_with_lock()

            def umount(self, vol_name, mountpoint, host):
                name = os.path.basename(mountpoint)

        {umount}
                def _umount_with_lock():
                    pass

                _umount_with_lock()
        """
    ).format(mount=mount_shape, umount=umount_shape)


GLANCE_MOUNT_LOCK = """\
        @lockutils.synchronized('fs_mount_%s' % os.path.basename(mountpoint),
                                external=True)"""


def test_a_name_too_long_for_a_hanging_line_breaks_the_helper_call_too(tmp_path):
    """glance-store fs_mount.py:138 and :200 were refused; the helper's call is broken too."""
    files = {
        "glance_store/__init__.py": "",
        "glance_store/common/__init__.py": "",
        "glance_store/common/utils.py": GLANCE_STORE_UTILS,
        "glance_store/common/fs_mount.py": fs_mount(GLANCE_MOUNT_LOCK, GLANCE_MOUNT_LOCK),
    }
    results = run_project(write_project(tmp_path, files))

    keyed = (
        "        @lockutils.synchronized(\n"
        "            utils.salted_lock_name(\n"
        "                'fs_mount_%s' % os.path.basename(mountpoint)),\n"
        "            external=True)\n"
    )
    mount = results["glance_store/common/fs_mount.py"]
    assert mount.new_text.count(keyed) == 2
    assert not mount.refusals


# glance-store's mount lock, with a name too long to key in 79 columns however laid out.
UNFIT_MOUNT_LOCK = """\
        @lockutils.synchronized(
            'fs_mount_%s' % os.path.basename(os.path.realpath(mountpoint)),
            external=True)"""
UMOUNT_LOCK = """\
        @lockutils.synchronized('fs_mount_%s' % name, external=True)"""


def glance_project(root: Path, mount_shape: str, umount_shape: str) -> Path:
    """glance-store with fs_mount.py's mount in one module and its umount in another."""
    mount = fs_mount(mount_shape, UMOUNT_LOCK).split("    def umount")[0]
    umount = fs_mount(UMOUNT_LOCK, umount_shape)
    umount = umount[: umount.index("    def mount")] + umount[umount.index("    def umount") :]
    files = {
        "glance_store/__init__.py": "",
        "glance_store/common/__init__.py": "",
        "glance_store/common/utils.py": GLANCE_STORE_UTILS,
        "glance_store/common/fs_mount.py": mount,
        "glance_store/common/fs_umount.py": umount,
    }
    return write_project(root, files)


def test_a_family_across_modules_is_keyed_nowhere_when_one_site_cannot_be_laid_out(tmp_path):
    """Modules are fitted each on its own: keying umount alone would split it from mount."""
    results = run_project(glance_project(tmp_path, UNFIT_MOUNT_LOCK, UMOUNT_LOCK))

    mount = results["glance_store/common/fs_mount.py"]
    umount = results["glance_store/common/fs_umount.py"]
    assert not mount.changed and not umount.changed
    [unfit] = mount.refusals
    [sibling] = umount.refusals
    assert unfit.reason.startswith("the keyed call does not fit in 79 columns")
    assert sibling.reason.startswith("every taker and remover of 'unprefixed' locks must be keyed")
    assert f"fs_mount.py:{unfit.line} cannot be laid out in 79 columns keyed" in sibling.reason


def test_a_family_across_modules_that_all_fit_is_keyed_everywhere(tmp_path):
    results = run_project(glance_project(tmp_path, UMOUNT_LOCK, UMOUNT_LOCK))

    for path in ("glance_store/common/fs_mount.py", "glance_store/common/fs_umount.py"):
        assert "utils.salted_lock_name('fs_mount_%s' % name)" in results[path].new_text
        assert not results[path].refusals


def test_a_family_in_one_module_is_keyed_nowhere_when_one_site_cannot_be_laid_out(tmp_path):
    files = {
        "glance_store/__init__.py": "",
        "glance_store/common/__init__.py": "",
        "glance_store/common/utils.py": GLANCE_STORE_UTILS,
        "glance_store/common/fs_mount.py": fs_mount(UNFIT_MOUNT_LOCK, UMOUNT_LOCK),
    }
    results = run_project(write_project(tmp_path, files))

    mount = results["glance_store/common/fs_mount.py"]
    assert not mount.changed
    assert [r.reason.split(";")[0] for r in mount.refusals] == [
        "the keyed call does not fit in 79 columns",
        "every taker and remover of 'unprefixed' locks must be keyed alike, and "
        "glance_store/common/fs_mount.py:8 cannot be laid out in 79 columns: key them by hand",
    ]


# os-brick 7.1.1: base.synchronized holds the helper; os_brick/initiator/utils.py:52 takes
# a lock of its family, its arguments continued under the bracket.
OS_BRICK_GUARD = """\
    import contextlib

    from oslo_concurrency import lockutils


    @contextlib.contextmanager
    def guard_connection(device):
        shared = device.get('shared_targets', False)
        if shared is False:
            yield
        else:
            with lockutils.lock({name}, 'os-brick-',
                                external=True):
                yield
    """


def os_brick_project(root: Path, name: str = "", guard: str = OS_BRICK_GUARD) -> Path:
    files = {
        "os_brick/__init__.py": "",
        "os_brick/initiator/__init__.py": "",
        "os_brick/initiator/connectors/__init__.py": "",
        "os_brick/initiator/connectors/base.py": WRAPPER_PROJECT[
            "brick/connectors/base.py"
        ].replace("'brick-'", "'os-brick-'"),
        "os_brick/initiator/utils.py": guard.replace("{name}", name),
    }
    return write_project(root, files)


def test_a_family_across_modules_is_keyed_where_a_wrapped_call_is_refilled(tmp_path):
    """The survey lays utils.py's call out as its run does: refilled under its bracket,
    the helper's module named ``base`` (the name free there), not a longer guess."""
    results = run_project(os_brick_project(tmp_path, "device['service_uuid']"))

    base = results["os_brick/initiator/connectors/base.py"]
    guard = results["os_brick/initiator/utils.py"]
    assert "lockutils.lock(salted_lock_name(name), lock_file_prefix," in base.new_text
    assert (
        "        with lockutils.lock(base.salted_lock_name(device['service_uuid']),\n"
        "                            'os-brick-', external=True):\n"
    ) in guard.new_text
    assert not base.refusals and not guard.refusals


def test_a_family_refused_everywhere_gets_no_helper(tmp_path):
    """No site of the only family can be keyed: the home is left as it is, no helper that
    nothing calls."""
    name = "'%s-%s-%s' % (device['service_uuid'], device['target_portal'], lun)"
    results = run_project(os_brick_project(tmp_path, name))

    base = results["os_brick/initiator/connectors/base.py"]
    guard = results["os_brick/initiator/utils.py"]
    assert not base.changed and not guard.changed
    assert guard.refusals[0].reason.startswith("the keyed call does not fit in 79 columns")
    assert "utils.py:12 cannot be laid out in 79 columns keyed" in base.refusals[0].reason


@pytest.mark.parametrize(
    ("site", "keyed"),
    [
        # under the bracket, refilled
        (
            "with lockutils.lock('%s-%s' % (device['service_uuid'], device['lun']),\n"
            "                    'os-brick-', external=True):",
            True,
        ),
        # hanging, the helper's call broken too
        (
            "with lockutils.lock(\n"
            "        '%s-%s' % (device['service_uuid'], device['lun']),\n"
            "        'os-brick-', external=True):",
            True,
        ),
        # a name over two lines: wrapped, its second line would be left out of line (E128)
        (
            "with lockutils.lock('%s-%s' % (device['service_uuid'],\n"
            "                               device['lun']), 'os-brick-', external=True):",
            False,
        ),
        # a name broken before its %: the same
        (
            "with lockutils.lock(\n"
            "        '%s-%s'\n"
            "        % (device['service_uuid'], device['lun']),\n"
            "        'os-brick-', external=True):",
            False,
        ),
        # another argument over two lines, where it was: kept
        (
            "with lockutils.lock(device['service_uuid'], 'os-brick-', external=True,\n"
            "                    lock_path=os.path.join(device['path'],\n"
            "                                           'locks')):",
            True,
        ),
        # ... moved on by the wrapped name: its second line would be out of line
        (
            "with lockutils.lock(device['a'], 'os-brick-', lock_path=os.path.join(\n"
            "        device['path'], 'locks'), external=True):",
            False,
        ),
        ("with lockutils.lock(device['éé'], 'os-brick-', external=True):", True),
        # a comment among the arguments: never refilled, and too long in place
        (
            "with lockutils.lock(device['service_uuid'],  # the target's\n"
            "                    'os-brick-', external=True):",
            False,
        ),
        # two locks on one line: not measured
        (
            "with lockutils.lock(device['a'], 'os-brick-', external=True), lockutils.lock(\n"
            "        device['b'], 'os-brick-', external=True):",
            False,
        ),
    ],
)
def test_a_site_in_another_module_is_laid_out_as_its_own_run_lays_it_out(tmp_path, site, keyed):
    """Where the survey finds a site fitting, its run keys it; else neither module keys."""
    call = "with lockutils.lock({name}, 'os-brick-',\n                    external=True):"
    guard = OS_BRICK_GUARD.replace(textwrap.indent(call, " " * 12), textwrap.indent(site, " " * 12))
    assert guard != OS_BRICK_GUARD
    results = run_project(os_brick_project(tmp_path, guard=guard))
    base = results["os_brick/initiator/connectors/base.py"]
    guard = results["os_brick/initiator/utils.py"]
    assert ("(salted_lock_name(name)" in base.new_text) is keyed
    assert ("base.salted_lock_name(" in guard.new_text) is keyed
    assert base.changed is keyed  # no helper without a keyed site


# tobiko's _lockutils: lock(name) wraps lockutils.external_lock, always external.
EXTERNAL_LOCK_WRAPPER_PROJECT = {
    "bench/__init__.py": "",
    "bench/common/__init__.py": "",
    "bench/common/_lockutils.py": """\
        import contextlib

        from oslo_concurrency import lockutils

        from bench import config


        @contextlib.contextmanager
        def lock(name):
            lock_path = config.CONF.bench.lock_dir
            ext_lock = lockutils.external_lock(name,
                                               lock_file_prefix='bench',
                                               lock_path=lock_path)
            with ext_lock:
                yield ext_lock


        def forget(name):
            lockutils.remove_external_lock_file(name, lock_file_prefix='bench')
        """,
    "bench/user.py": """\
        from bench.common import _lockutils


        def shelve():
            with _lockutils.lock('shelves'):
                pass
        """,
}


def test_a_wrapper_of_external_lock_is_the_helpers_home(tmp_path):
    """tobiko's ``lock(name)`` calls ``lockutils.external_lock(name, ...)``: the project's
    lock wrapper, keyed inside (and safe: it is always external), with no new module."""
    results = run_project(write_project(tmp_path, EXTERNAL_LOCK_WRAPPER_PROJECT), unsafe=False)

    assert "bench/common/_locks.py" not in results
    home = results["bench/common/_lockutils.py"]
    assert home.new_text.count("def salted_lock_name(name):") == 1
    assert "lockutils.external_lock(salted_lock_name(name)," in home.new_text
    assert "remove_external_lock_file(salted_lock_name(name)," in home.new_text
    assert {fix.applicability for fix in home.fixes} == {Applicability.SAFE}
    assert not results["bench/user.py"].changed


def test_locks_in_the_users_own_directory_are_no_familys_and_use_no_helper(tmp_path):
    """tobiko's inter-worker locks live in ``~/.tobiko/cache/lock``: not applicable, and the
    survey counts neither their module among the helper's users nor their function as a
    wrapper, so the helper of the project's shared locks still has one place."""
    project = {
        "bench/__init__.py": "",
        "bench/common/__init__.py": "",
        "bench/agent.py": """\
            from oslo_concurrency import lockutils


            def apply(namespace):
                with lockutils.lock('ipset-%s' % namespace, external=True):
                    pass
            """,
        "tools/__init__.py": "",
        "tools/cache.py": """\
            import os

            from oslo_concurrency import lockutils


            def cache_lock(name):
                lock_path = os.path.expanduser('~/.cache/tools')
                return lockutils.external_lock(name, lock_path=lock_path)
            """,
    }

    results = run_project(write_project(tmp_path, project))

    assert results["bench/common/locks.py"].created
    assert "locks.salted_lock_name('ipset-%s' % namespace)" in results["bench/agent.py"].new_text
    cache = results["tools/cache.py"]
    assert not cache.changed
    [refusal] = cache.refusals
    assert refusal.kind is RefusalKind.NOT_APPLICABLE
    assert "the user's own directory (~/.cache/tools)" in refusal.reason


HORIZON_SECRET_KEY = """\
    import os

    from oslo_concurrency import lockutils


    def generate_or_read_from_file(key_file='.secret_key'):
        abspath = os.path.abspath(key_file)
        lock = lockutils.external_lock(key_file + ".lock",
                                       lock_path=os.path.dirname(abspath))
        with lock:
            if not os.path.exists(key_file):
                with open(key_file, 'w') as f:
                    f.write('key')
    """


def test_a_lock_beside_the_file_it_guards_is_no_familys_and_makes_no_helper(tmp_path):
    """horizon's utils/secret_key.py:73 locks ``key_file + '.lock'`` in the key file's own
    directory: not applicable, and no ``horizon/locks.py`` is made for it; nor does it
    count among the helper's users, so a sibling package's shared locks still get theirs."""
    (tmp_path / "horizon").mkdir()
    (tmp_path / "two").mkdir()
    alone = run_project(
        write_project(
            tmp_path / "horizon",
            {
                "horizon/__init__.py": "",
                "horizon/utils/__init__.py": "",
                "horizon/utils/secret_key.py": HORIZON_SECRET_KEY,
            },
        )
    )
    assert not any(result.created for result in alone.values())  # no horizon/locks.py
    [refusal] = alone["horizon/utils/secret_key.py"].refusals
    assert refusal.kind is RefusalKind.NOT_APPLICABLE
    assert "the directory of the file it guards (key_file)" in refusal.reason
    summary = module_locks("horizon/utils/secret_key.py", textwrap.dedent(HORIZON_SECRET_KEY))
    assert not summary.taken and not summary.sites

    project = {
        "bench/__init__.py": "",
        "bench/common/__init__.py": "",
        "bench/agent.py": """\
            from oslo_concurrency import lockutils


            def apply(namespace):
                with lockutils.lock('ipset-%s' % namespace, external=True):
                    pass
            """,
        "tools/__init__.py": "",
        "tools/secret_key.py": HORIZON_SECRET_KEY,
    }
    results = run_project(write_project(tmp_path / "two", project))
    assert results["bench/common/locks.py"].created
    assert "locks.salted_lock_name('ipset-%s' % namespace)" in results["bench/agent.py"].new_text
    assert not results["tools/secret_key.py"].changed
