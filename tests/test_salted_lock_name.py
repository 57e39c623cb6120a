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
from cwemod.engine import transform_source

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
    assert "lockutils.lock(_salted_lock_name('ipset-' + self.name), external=True)" in outcome.text
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
    assert example.fixes and "_salted_lock_name('neutron-ipset-%s'" in example.text
