"""The persistent cache (``.cwemod_cache/``): same bytes out, never a bad entry used."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import subprocess
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

import pytest

from before_after import all_cases
from codemod_support import finding_on_every_line
from conftest import cli
from cwemod.codemods._lock_survey import LockPlan, Wrapper
from cwemod.codemods.surveys import Survey
from cwemod.engine import FixRequest, file_digests, plan
from cwemod.engine import projects as projects_module
from cwemod.engine import work as engine_work
from cwemod.engine.cache import (
    NotPlainData,
    decode_data,
    encode_data,
    encoded_facts,
    sources_digest,
)
from cwemod.engine.projects import Projects
from cwemod.engine.store import CACHE_DIR, Store, digest
from cwemod.engine.transform import transform_source
from cwemod.render.diff import diff_bytes
from cwemod.render.json_out import results_json

DEMO = Path(__file__).resolve().parent.parent / "examples" / "demo"


def entries(root: Path) -> list[Path]:
    return sorted((root / CACHE_DIR).glob("v1/*/*.json"))


def packs(root: Path) -> list[Path]:
    """The entries of files' outcomes, a pack per run settings (the others hold surveys' facts)."""
    return [path for path in entries(root) if b'"files":' in path.read_bytes()]


def pack_outcomes(pack: Path) -> dict:
    return json.loads(pack.read_bytes().partition(b"\n")[2])["files"]


def rewrite_pack(pack: Path, outcomes: dict) -> None:
    body = json.dumps({"files": outcomes, "key": pack.stem}, sort_keys=True).encode()
    pack.write_bytes(digest(body).encode() + b"\n" + body)


def output(results) -> tuple[bytes, str]:
    return diff_bytes(results), results_json(results)


@pytest.fixture
def count_runs(monkeypatch):
    """How many files the engine ran (not answered from the cache), in this process."""
    ran = []
    real = engine_work.process_file

    def counting(job):
        ran.append(job.path)
        return real(job)

    monkeypatch.setattr(engine_work, "process_file", counting)
    return ran


@pytest.fixture
def demo(tmp_path):
    project = tmp_path / "demo"
    # A run of the demo (the README's first command) leaves its own cache there: not copied.
    shutil.copytree(DEMO, project, ignore=shutil.ignore_patterns(".cwemod_cache"))
    return project


def demo_request(
    project: Path, cache: bool = True, allow_review: bool = True, paths=None, **fields
) -> FixRequest:
    codemods = [("salted-lock-name", {}), ("yaml-safe-load", {}), ("silent-except", {})]
    return FixRequest(paths or [project], codemods, allow_review, jobs=1, cache=cache, **fields)


def case_groups(tmp_path: Path, every: bool) -> list[FixRequest]:
    """The before_after cases (every one, or the first of each group) in a folder per group.

    A group is a codemod with its options and mode; each case brings its before
    or unchanged file, and with ``every`` its after file too.
    """
    (tmp_path / "setup.cfg").write_text("[metadata]\nname = cases\n")
    groups: dict[tuple, Path] = {}
    for case in all_cases():
        group = (case.codemod, tuple(sorted(case.options.items())), case.unsafe)
        if group in groups and not every:
            continue
        folder = groups.setdefault(group, tmp_path / f"group{len(groups)}")
        folder.mkdir(exist_ok=True)
        for source in (case.before, case.after if every else None):
            if source is not None:
                shutil.copyfile(source, folder / f"{case.codemod}_{source.name}")
    return [
        FixRequest([folder], [(codemod, dict(options))], allow_review=unsafe, jobs=1, cache=True)
        for (codemod, options, unsafe), folder in groups.items()
    ]


def check_cold_warm_and_uncached(requests: list[FixRequest], ran: list[Path]) -> None:
    cold = [plan(request) for request in requests]
    assert any(result.changed for results in cold for result in results)
    ran.clear()
    warm = [plan(request) for request in requests]
    # A failure is not cached (it may not recur): only the failed files run again.
    failed = [result.path for results in cold for result in results if result.error]
    assert ran == failed, "the warm run ran files again"
    uncached = [plan(FixRequest(**{**vars(request), "cache": False})) for request in requests]
    for cold_results, warm_results, uncached_results in zip(cold, warm, uncached):
        assert warm_results == cold_results == uncached_results
        assert output(warm_results) == output(cold_results) == output(uncached_results)


@pytest.mark.parametrize("settled", [False, True], ids=["just-written", "settled"])
def test_a_case_of_each_codemod_is_the_same_cold_warm_and_without_cache(
    tmp_path, count_runs, monkeypatch, settled
):
    """Just written, the files are answered from the packs; settled, from run records.

    (Files settle two seconds after they are written: later groups' files may
    be settled in the first variant too.)
    """
    groups = case_groups(tmp_path, every=False)
    if settled:
        monkeypatch.setattr(file_digests, "SETTLE_SECONDS", 0.02)
        time.sleep(0.05)  # past the tick of a coarse file clock
    check_cold_warm_and_uncached(groups, count_runs)
    if settled:
        records = (path for path in (tmp_path / CACHE_DIR).glob("v1/*/*.json"))
        assert any(b'"listings"' in path.read_bytes() for path in records)


@pytest.mark.slow
def test_every_before_after_case_is_the_same_cold_warm_and_without_cache(tmp_path, count_runs):
    check_cold_warm_and_uncached(case_groups(tmp_path, every=True), count_runs)


def test_an_edited_file_runs_again_and_the_others_do_not(demo, count_runs):
    plan(demo_request(demo))
    count_runs.clear()
    commands = demo / "commands.py"
    commands.write_bytes(commands.read_bytes() + b"\n# edited\n")
    results = plan(demo_request(demo))
    assert count_runs == [commands.resolve()]
    assert results == plan(demo_request(demo, cache=False))


def test_the_key_holds_the_options_the_mode_and_the_project_config(demo, count_runs):
    plan(demo_request(demo))
    count_runs.clear()
    plan(demo_request(demo, allow_review=False))
    assert count_runs, "allow_review is not in the key"
    count_runs.clear()
    (demo / "tox.ini").write_text("[flake8]\nmax-line-length = 100\n")
    plan(demo_request(demo))
    assert count_runs, "the project's configuration is not in the key"
    (demo / "setup.py").write_text("setup()\n")
    plan(demo_request(demo))
    count_runs.clear()
    (demo / "setup.py").write_text("setup(python_requires='>=3.8')\n")
    plan(demo_request(demo))
    assert len(count_runs) > 1, "the oldest Python the project supports is not in the key"
    count_runs.clear()
    (demo / ".pre-commit-config.yaml").write_text("exclude: ^vendor/\nrepos: []\n")
    plan(demo_request(demo))
    assert count_runs, "pre-commit's exclude (files left out) is not in the key"


def test_a_report_run_does_not_use_the_file_cache(demo, count_runs):
    path = (demo / "commands.py").resolve()
    request = demo_request(demo, targets={path: {}})
    plan(request)
    plan(request)
    assert count_runs == [path, path]


def corruptions(entry: Path, other: Path) -> list[bytes]:
    raw, foreign = entry.read_bytes(), other.read_bytes()
    checksum, _, body = raw.partition(b"\n")
    bad_json = b"{not json"
    return [
        b"",
        raw[: len(raw) // 2],  # torn
        checksum + b"\n" + body.replace(b'"key"', b'"kez"'),  # edited: checksum fails
        digest(bad_json).encode() + b"\n" + bad_json,  # checksum right, JSON wrong
        foreign,  # another file's entry under this key
        digest(b"[1, 2]").encode() + b"\n[1, 2]",  # JSON, but not an object
    ]


@pytest.mark.parametrize("damage", range(6))
def test_a_corrupt_pack_is_ignored_and_rewritten(demo, count_runs, damage):
    cold = plan(demo_request(demo))
    [pack] = packs(demo)
    survey_entry = next(path for path in entries(demo) if path != pack)
    pack.write_bytes(corruptions(pack, survey_entry)[damage])
    count_runs.clear()
    assert plan(demo_request(demo)) == cold
    assert len(count_runs) == len(cold), "the bad pack was used"
    count_runs.clear()
    assert plan(demo_request(demo)) == cold
    assert count_runs == [], "the bad pack was not rewritten"


def test_an_outcome_of_another_shape_is_ignored_and_only_its_file_runs(demo, count_runs):
    cold = plan(demo_request(demo))
    [pack] = packs(demo)
    outcomes = pack_outcomes(pack)
    name = sorted(outcomes)[0]
    shape = {"type": "dataclass", "class": "os:stat_result", "fields": {}}
    rewrite_pack(pack, {**outcomes, name: {**outcomes[name], "result": shape}})
    count_runs.clear()
    assert plan(demo_request(demo)) == cold
    assert [path.name for path in count_runs] == [Path(name).name]


def test_a_pack_keeps_one_outcome_per_file_and_those_of_files_another_run_did_not_cover(
    demo, count_runs
):
    plan(demo_request(demo))
    [pack] = packs(demo)
    before = pack_outcomes(pack)
    commands = demo / "commands.py"
    commands.write_bytes(commands.read_bytes() + b"\n# edited\n")
    plan(demo_request(demo, paths=[commands]))  # its PATHs are part of the project's key
    assert pack_outcomes(pack) == before
    count_runs.clear()
    plan(demo_request(demo))
    assert count_runs == [commands.resolve()]
    after = pack_outcomes(pack)
    assert after.keys() == before.keys()
    assert [name for name in after if after[name] != before[name]] == ["commands.py"]


def _cached_run(project: str) -> tuple[bytes, str]:
    return output(plan(demo_request(Path(project))))


def test_concurrent_runs_agree_and_leave_a_good_cache(demo, count_runs):
    uncached = output(plan(demo_request(demo, cache=False)))
    with ProcessPoolExecutor(max_workers=4) as pool:
        outputs = list(pool.map(_cached_run, [str(demo)] * 8))
    assert outputs == [uncached] * 8
    assert not list((demo / CACHE_DIR).glob("v1/*/.tmp-*")), "a temporary file was left"
    count_runs.clear()
    assert output(plan(demo_request(demo))) == uncached
    assert count_runs == []


def test_concurrent_writers_never_show_a_reader_half_an_entry(tmp_path):
    store = Store(tmp_path / CACHE_DIR)
    versions = [{"value": str(number) * 20_000} for number in range(4)]
    seen, stop = [], threading.Event()

    def write(entry):
        while not stop.is_set():
            store.save("ab" * 20, entry)

    def read():
        while not stop.is_set():
            seen.append(store.load("ab" * 20))

    threads = [threading.Thread(target=write, args=(entry,)) for entry in versions]
    threads += [threading.Thread(target=read) for _ in range(2)]
    for thread in threads:
        thread.start()
    time.sleep(0.5)
    stop.set()
    for thread in threads:
        thread.join()
    values = {entry["value"] for entry in versions}
    found = [entry for entry in seen if entry is not None]
    assert found, "no entry was ever read"
    assert all(entry["value"] in values for entry in found)


def test_the_cache_hides_itself_from_git(demo):
    subprocess.run(["git", "init", "-q", str(demo)], check=True)
    result = cli("fix", "--format", "diff", str(demo))
    assert result.returncode == 0, result.stderr
    assert entries(demo)
    assert (demo / CACHE_DIR / ".gitignore").read_text().splitlines()[-1] == "*"
    status = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"],
        cwd=demo,
        capture_output=True,
        text=True,
        check=True,
    )
    assert CACHE_DIR not in status.stdout


def test_no_cache_neither_reads_nor_writes_it(demo):
    first = cli("fix", "--unsafe", "--format", "diff", "--no-cache", str(demo))
    assert not (demo / CACHE_DIR).exists()
    cold = cli("fix", "--unsafe", "--format", "diff", str(demo))
    warm = cli("fix", "--unsafe", "--format", "diff", "-j2", str(demo))
    assert first.stdout == cold.stdout == warm.stdout
    assert first.stderr == cold.stderr == warm.stderr
    assert "fixes" in cold.stderr and entries(demo)


@pytest.fixture
def surveyed(monkeypatch):
    """One item per survey salted-lock-name runs: the files it summarised for it, in order."""
    from cwemod.codemods import _lock_survey

    runs = []
    summarised = []
    real = _lock_survey.SURVEY

    def summarise(path, text):
        summarised.append(path)
        return real.summarise(path, text)

    def combine(summaries):
        runs.append(tuple(summarised))
        summarised.clear()
        return real.combine(summaries)

    monkeypatch.setattr(_lock_survey, "SURVEY", Survey(real.wants, summarise, combine))
    return runs


def test_survey_facts_are_kept_by_the_files_the_survey_read(demo, surveyed):
    codemods = [("salted-lock-name", {})]
    first = dict(Projects(codemods, cache=True).of(demo / "locks.py").facts)
    again = dict(Projects(codemods, cache=True).of(demo / "locks.py").facts)
    [read] = surveyed
    assert "locks.py" in read and again == first
    survey_entries = set(entries(demo)) - set(packs(demo))
    assert survey_entries
    for entry in survey_entries:
        entry.write_bytes(entry.read_bytes() + b" ")
    assert dict(Projects(codemods, cache=True).of(demo / "locks.py").facts) == first
    assert surveyed == [read, read], "a corrupt survey entry was used"
    locks = demo / "locks.py"
    locks.write_text(locks.read_text() + "\n# edited\n")
    edited = dict(Projects(codemods, cache=True).of(demo / "locks.py").facts)
    assert surveyed == [read, read, ("locks.py",)], "only the edited file is summarised again"
    assert edited == dict(Projects(codemods).of(demo / "locks.py").facts)


def test_a_project_entry_gives_every_fact_and_a_change_elsewhere_keeps_each_survey(demo, surveyed):
    codemods = [("salted-lock-name", {}), ("yaml-safe-load", {})]
    first = dict(Projects(codemods, cache=True).of(demo / "locks.py").facts)

    facts = Projects(codemods, cache=True).of(demo / "locks.py").facts
    assert facts.encoded() == encoded_facts(first)  # found by all the files, not decoded
    assert dict(facts) == first
    assert len(surveyed) == 1

    # A file no survey reads is added: the project's entry is missed, the summaries used.
    (demo / "notes.py").write_text("VALUE = 1\n")
    assert dict(Projects(codemods, cache=True).of(demo / "locks.py").facts) == first
    assert surveyed[1:] == [()]


def test_a_run_in_this_process_without_the_cache_surveys_only_as_a_codemod_asks(
    demo, tmp_path, monkeypatch
):
    """One file's run with the default jobs runs in this process: it surveys nothing up front."""
    from cwemod.codemods import _lock_survey

    runs = tmp_path / "lock-surveys"  # a file: up front, surveys run in forked processes
    real = _lock_survey.SURVEY

    def counting(summaries):
        with runs.open("a") as note:
            note.write("surveyed\n")
        return real.combine(summaries)

    monkeypatch.setattr(_lock_survey, "SURVEY", Survey(real.wants, real.summarise, counting))
    (demo / "notes.py").write_text("import yaml\n\nDATA = yaml.load(open('d'))\n")
    codemods = [("salted-lock-name", {}), ("yaml-safe-load", {})]
    request = FixRequest([demo / "notes.py"], codemods, allow_review=True, jobs=None, cache=False)
    [result] = plan(request)
    assert "yaml.safe_load(" in result.new_text
    assert not runs.exists(), "salted-lock-name, which has nothing to do here, was surveyed"
    # With the cache, the outcome's key is made of every survey's facts.
    [cached] = plan(replace(request, cache=True))
    assert cached.new_text == result.new_text
    assert runs.read_text() == "surveyed\n"


@pytest.mark.parametrize("up_front", [False, True])
@pytest.mark.parametrize("cache", [False, True])
def test_codemods_that_share_a_survey_survey_once(demo, tmp_path, monkeypatch, up_front, cache):
    """requests-timeout and tls-verify read the same facts of the project: made once."""
    from cwemod.codemods import _http_survey

    made = tmp_path / "surveys"  # a file: up front, surveys run in forked processes

    def counting(summaries):
        with made.open("a") as note:
            note.write("surveyed\n")
        return 0

    monkeypatch.setattr(_http_survey, "SURVEY", replace(_http_survey.SURVEY, combine=counting))
    codemods = [("requests-timeout", {}), ("tls-verify", {})]
    facts = Projects(codemods, cache=cache).of(demo / "locks.py").facts
    if up_front:
        facts.survey_all()
    assert dict(facts) == {"requests-timeout": 0, "tls-verify": 0}
    assert made.read_text() == "surveyed\n"


def test_surveys_run_side_by_side_give_the_facts_each_gives_alone(demo):
    codemods = [("requests-timeout", {}), ("salted-lock-name", {}), ("silent-except", {})]
    alone = dict(Projects(codemods).of(demo / "locks.py").facts)
    facts = Projects(codemods).of(demo / "locks.py").facts
    facts.survey_all()
    assert dict(facts) == alone and len(alone) == 3


def test_facts_round_trip_through_json():
    plan_ = LockPlan(
        home="pkg.locks",
        home_path="pkg/locks.py",
        helper_present=False,
        wrappers={"pkg.locks.lock": Wrapper("pkg.locks.lock", "pkg.locks", "pkg-", False)},
        blocked={"x-": "tooz"},
        families=frozenset({"pkg-", "x-"}),
        users=frozenset({"pkg/a.py"}),
    )
    facts = {"salted-lock-name": plan_, "other": (1, [b"\x00", None], {2: {"a"}})}
    encoded = encode_data(facts)
    assert decode_data(encoded) == facts
    assert encode_data(facts) == encoded  # canonical: sets are sorted


@pytest.mark.parametrize(
    "name", ["os:stat_result", "subprocess:Popen", "builtins:object", "cwemod.__main__:main"]
)
def test_only_cwemods_own_classes_are_built_from_the_cache(name):
    with pytest.raises(NotPlainData):
        decode_data({"type": "dataclass", "class": name, "fields": {}})


def test_prune_removes_old_entries_then_the_oldest_beyond_the_size(tmp_path):
    store = Store(tmp_path / CACHE_DIR)
    now = time.time()
    for number, age_days in enumerate([40, 3, 2, 1]):
        key = f"{number:02d}" * 20
        store.save(key, {"value": "x" * 1000})
        path = store.entries / key[:2] / f"{key}.json"
        os.utime(path, (now - age_days * 86400, now - age_days * 86400))
    stale = store.entries / "00" / ".tmp-killed.part"
    stale.write_bytes(b"half")
    os.utime(stale, (now - 7200, now - 7200))
    size = (store.entries / "03" / f"{'03' * 20}.json").stat().st_size
    store.prune(max_age_days=30, max_bytes=2 * size, force=True)
    left = sorted(path.name[:2] for path in store.entries.glob("*/*"))
    assert left == ["02", "03"]


def test_a_cache_is_pruned_at_most_once_a_day(tmp_path):
    store = Store(tmp_path / CACHE_DIR)
    key = "00" * 20
    store.save(key, {"value": "x"})
    store.prune()  # the first prune notes when it ran
    entry = store.entries / key[:2] / f"{key}.json"
    forty_days_ago = time.time() - 40 * 86400
    os.utime(entry, (forty_days_ago, forty_days_ago))

    store.prune()
    assert entry.exists()  # pruned less than a day ago: not looked at

    two_days_ago = time.time() - 2 * 86400
    os.utime(store.entries / "pruned", (two_days_ago, two_days_ago))
    store.prune()
    assert not entry.exists()


def test_a_cache_that_cannot_be_written_only_costs_the_cache(demo):
    (demo / CACHE_DIR).write_text("a file where the cache directory should be\n")
    assert plan(demo_request(demo)) == plan(demo_request(demo, cache=False))


def test_a_project_is_surveyed_when_a_codemod_first_asks(demo, surveyed):
    """A run that never needs a survey's facts never reads the project for it.

    Pickled (to a process pool or a cluster), the facts are a plain dict,
    surveyed once here.
    """
    project = Projects([("salted-lock-name", {})]).of(demo / "locks.py")
    assert surveyed == []
    shipped = pickle.loads(pickle.dumps(project))
    assert len(surveyed) == 1
    assert type(shipped.facts) is dict
    assert shipped.facts == dict(project.facts)
    assert isinstance(project.facts["salted-lock-name"], LockPlan)
    assert len(surveyed) == 1


IN_PROCESS_LOCK = """\
from oslo_concurrency import lockutils


class Agent:
    def port_lock(self, name):
        with lockutils.lock('port-' + name):
            pass
"""
EXTERNAL_LOCK = IN_PROCESS_LOCK.replace("'port-' + name)", "'port-' + name, external=True)")


@pytest.mark.parametrize(("source", "surveys"), [(IN_PROCESS_LOCK, 0), (EXTERNAL_LOCK, 1)])
def test_a_report_on_an_in_process_lock_runs_no_survey(tmp_path, surveyed, source, surveys):
    """salted-lock-name reads the project's plan only where it can matter, with the same records."""
    (tmp_path / "setup.cfg").write_text("")
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "other.py").write_text(
        "from oslo_concurrency import lockutils\n\nlockutils.lock('x', external=True)\n"
    )
    module = package / "agent.py"
    module.write_text(source)

    def run(project):
        return transform_source(
            source,
            [("salted-lock-name", {})],
            allow_review=True,
            targets=finding_on_every_line("salted-lock-name", "B000", source),
            project=project,
            module_path="pkg/agent.py",
        )

    lazy = run(Projects([("salted-lock-name", {})]).of(module))
    assert len(surveyed) == surveys
    eager_project = Projects([("salted-lock-name", {})]).of(module)
    dict(eager_project.facts)
    eager = run(eager_project)
    assert lazy.refusals and (lazy.text, lazy.refusals) == (eager.text, eager.refusals)


def test_a_run_over_the_project_root_walks_it_once(demo, monkeypatch):
    """The run's walk of the root is the project's: the surveys and their key reuse it."""
    walks = []
    real_walk = projects_module.walk

    def counting(paths, *args, **kwargs):
        walks.append([Path(path).resolve() for path in paths])
        return real_walk(paths, *args, **kwargs)

    monkeypatch.setattr(projects_module, "walk", counting)
    once = plan(demo_request(demo))
    assert walks == []

    shutil.rmtree(demo / CACHE_DIR)
    monkeypatch.setattr(Projects, "walked", lambda *args: None)
    twice = plan(demo_request(demo))
    assert walks == [[demo.resolve()]]
    assert once == twice and any(result.changed for result in once)

    walks.clear()
    plan(demo_request(demo, paths=[demo / "locks.py"]))
    assert walks == [[demo.resolve()]]  # a run over part of the project walks all of it


def test_an_outcome_stores_only_what_differs_from_a_file_with_nothing_to_say(demo):
    results = plan(demo_request(demo))
    (pack,) = packs(demo)
    stored = {name: outcome.get("result") for name, outcome in pack_outcomes(pack).items()}
    quiet = [r for r in results if not (r.changed or r.fixes or r.refusals or r.skipped_review)]
    assert quiet and all(stored[r.path.name] is None for r in quiet)
    changed = next(result for result in results if result.changed)
    names = {item[0] for item in stored[changed.path.name]["items"]}
    assert {"new", "fixes"} <= names and "encoding" not in names
    assert plan(demo_request(demo)) == results


def test_the_code_fingerprint_changes_with_any_source_file_of_the_package(tmp_path):
    """A file's bytes, its name, a new module in a subpackage: each is a new key; other files not."""
    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    (package / "a.py").write_text("x = 1\n")
    (package / "sub" / "b.py").write_text("y = 2\n")
    seen = {sources_digest(str(package))}

    (package / "notes.txt").write_text("not code")
    (package / "sub" / "b.pyc").write_bytes(b"compiled")
    assert sources_digest(str(package)) in seen

    for change in (
        lambda: (package / "a.py").write_text("x = 2\n"),
        lambda: (package / "sub" / "b.py").rename(package / "sub" / "c.py"),
        lambda: (package / "sub" / "d.py").write_text(""),
    ):
        change()
        now = sources_digest(str(package))
        assert now not in seen
        seen.add(now)


def test_a_twin_that_becomes_generated_runs_its_source_module_again(tmp_path, count_runs):
    """A module's advice depends on its twin's header (jupytext's sync_ module), not its bytes."""
    (tmp_path / "setup.cfg").write_text("[metadata]\nname = twins\n")
    body = "import yaml\n\n\ndef load(text):\n    return yaml.load(text)\n"
    source, twin = tmp_path / "async_manager.py", tmp_path / "sync_manager.py"
    source.write_text(body)
    twin.write_text(body)
    request = FixRequest([tmp_path], [("yaml-safe-load", {})], True, jobs=1, cache=True)
    assert [result.changed for result in plan(request)] == [True, True]
    twin.write_text('"""Automatically generated by unasync.py: do not edit."""\n' + body)
    count_runs.clear()
    cached = plan(request)
    assert sorted(count_runs) == [source.resolve(), twin.resolve()]
    assert cached == plan(replace(request, cache=False))
    assert not any(result.changed for result in cached)  # the twin is generated code now
