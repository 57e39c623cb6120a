"""The project surveys are found, and run, without LibCST.

A run on several cores forks the surveys first and imports the codemods
(LibCST with them) while they run: the surveys' modules must not need it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from before_after import all_cases
from cwemod.codemods import all_codemods, codemod_ids, get_codemod
from cwemod.codemods.surveys import survey_of, surveying_ids


def test_the_surveys_load_no_libcst():
    script = (
        "import sys\n"
        "from cwemod.codemods.surveys import surveying_ids, survey_of\n"
        "surveys = [survey_of(codemod_id) for codemod_id in surveying_ids()]\n"
        "assert all(survey is not None for survey in surveys)\n"
        "print(sorted(name for name in sys.modules if name.startswith('libcst')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"


def test_every_survey_is_a_codemods_and_no_codemod_has_another():
    assert surveying_ids() <= set(codemod_ids())
    assert {"requests-timeout", "salted-lock-name", "silent-except"} <= surveying_ids()
    assert not [cls.id for cls in all_codemods().values() if hasattr(cls, "survey")]


# silent-except's survey reads every module that may make a logger (tests/test_silent_except.py),
# cleanup-on-failure's and secure-random's the tests that patch something
# (tests/test_cleanup_on_failure.py, tests/test_secure_random.py), yaml-safe-load's the
# modules that may name a loader or a yaml (tests/test_yaml_loaders.py), tls-verify's
# and requests-timeout's the tests asserting HTTP call arguments (tests/test_tls_verify.py,
# tests/test_requests_timeout.py), jinja2-autoescape's the
# modules that may return an environment's options (tests/test_jinja2_autoescape.py);
# hash-not-for-security's, narrower, only the modules that pass usedforsecurity
# (tests/test_hash_not_for_security.py); ssh-host-key-policy's the tests that may pin a
# policy (tests/test_ssh_host_key_policy.py); command-argv's the tests asserting a
# subprocess function's arguments (tests/test_command_argv.py).
_WIDER = {
    "command-argv",
    "ssh-host-key-policy",
    "hash-not-for-security",
    "silent-except",
    "cleanup-on-failure",
    "secure-random",
    "yaml-safe-load",
    "tls-verify",
    "requests-timeout",
    "jinja2-autoescape",
}


@pytest.mark.parametrize("codemod_id", sorted(surveying_ids() - _WIDER))
def test_a_survey_reads_the_files_its_codemod_wants(codemod_id):
    """The survey's text test is its codemod's, over every before/after case and fixture."""
    cls, survey = get_codemod(codemod_id), survey_of(codemod_id)
    options = cls.resolve_options({})
    texts = [path.read_text(encoding="utf-8", errors="replace") for path in _case_files()]
    answers = {(cls.wants(text, options), survey.wants(text)) for text in texts}
    assert answers == {(True, True), (False, False)}


def _case_files():
    for case in all_cases():
        yield case.before
        if case.after is not None:
            yield case.after


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or (os.cpu_count() or 1) < 2,
    reason="surveys run side by side only where a process can fork onto another CPU",
)
@pytest.mark.parametrize(("workers_fork_here", "imported"), [(True, "True"), (False, "False")])
def test_the_surveys_fork_before_the_run_imports_libcst(tmp_path, workers_fork_here, imported):
    """The survey runs in a process without LibCST; meanwhile the run imports its codemods,
    when its workers fork from it (a process pool), and not when they do not (Dask)."""
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'p'\n")
    (tmp_path / "m.py").write_text("import lockutils\n")
    script = textwrap.dedent(
        """\
        import sys
        from pathlib import Path

        from cwemod.codemods import surveys
        from cwemod.engine import projects, run

        def probe(summaries):
            return "libcst" in sys.modules

        lock = surveys.Survey(wants=lambda text: True, summarise=lambda *file: 0, combine=probe)
        surveys.survey_of = lambda codemod_id: lock if codemod_id == "salted-lock-name" else None
        codemods = (("salted-lock-name", {}), ("os-chmod", {}))
        path = Path(sys.argv[1]) / "m.py"
        job = run.FileJob(path, "m.py", codemods, project=projects.Projects(codemods).of(path))
        run._survey_side_by_side([job], import_codemods=sys.argv[2] == "True")
        print(job.project.facts["salted-lock-name"], "cwemod.codemods.os_chmod" in sys.modules)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path), str(workers_fork_here)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.split() == ["False", imported]


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or (os.cpu_count() or 1) < 2,
    reason="a pool's workers fork from the run only where a process can fork",
)
@pytest.mark.parametrize(
    ("cache", "first_file", "surveyed"),
    [
        (False, "VALUE = 0\n", []),
        (False, "from oslo_concurrency import lockutils\n", ["lock"]),
        (True, "VALUE = 0\n", ["lock", "timeout"]),
    ],
)
def test_a_forking_pool_without_the_cache_surveys_only_what_its_files_ask(
    tmp_path, cache, first_file, surveyed
):
    """Neutron's files ask for one survey of seven: without the cache, whose keys hold
    every survey's facts, a run on a forking pool makes no survey that no file asks for,
    and makes once, before its workers fork, a survey that a file asks for on every run
    (the lock plan where lockutils is used; these files ask for nothing)."""
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'p'\n")
    (tmp_path / "m0.py").write_text(first_file)
    for number in range(1, 20):
        (tmp_path / f"m{number}.py").write_text(f"VALUE = {number}\n")
    script = textwrap.dedent(
        """\
        import json
        import sys
        from pathlib import Path

        from cwemod.codemods import surveys
        from cwemod.engine import run

        made = Path(sys.argv[1]) / "made"

        def survey(name):
            def combine(summaries):
                with open(made, "a") as out:
                    out.write(name + "\\n")
                return None
            asked_by = (lambda text: "lockutils" in text) if name == "lock" else None
            return surveys.Survey(lambda text: True, lambda *file: 0, combine, asked_by)

        named = {"salted-lock-name": "lock", "requests-timeout": "timeout"}
        surveys.survey_of = lambda codemod_id: (
            survey(named[codemod_id]) if codemod_id in named else None
        )
        codemods = [("salted-lock-name", {}), ("requests-timeout", {})]
        request = run.FixRequest([Path(sys.argv[1])], codemods, jobs=2, cache=sys.argv[2] == "1")
        results = run.plan(request)
        print(json.dumps([len(results), made.read_text().split() if made.exists() else []]))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path), str(int(cache))],
        capture_output=True,
        text=True,
        check=True,
    )
    count, made = json.loads(done.stdout)
    assert (count, sorted(made)) == (20, surveyed)


def test_the_lock_text_test_finds_each_of_its_words():
    from cwemod.codemods._lock_survey import LOCK_TEXT, mentions_locks

    texts = [*LOCK_TEXT, "lock = None", "Lock()", "block_device", "LOCKS = {}", ""]
    texts += [path.read_text(encoding="utf-8", errors="replace") for path in _case_files()]
    for text in texts:
        assert mentions_locks(text) is any(word in text for word in LOCK_TEXT), text[:60]
