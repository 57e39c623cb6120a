"""``cwemod gerrit`` against a local bare repository standing in for Gerrit.

A plain bare repository accepts a push to ``refs/for/master``. Its hooks act
the parts of Gerrit the command relies on: the pre-receive hook records the
push options and can reject; the post-receive hook answers with change URLs
the way Gerrit does, then drops the ``refs/for`` ref (Gerrit never keeps
one), so the next upload is accepted as well.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from cwemod.cli import main
from cwemod.vcs.gerrit import change_urls, rejection_reason
from vcs_support import (
    UNSAFE_YAML,
    git,
    install_hook,
    make_project,
    snapshot,
)

RECORD_OPTIONS = """\
i=0
: > "$GIT_DIR/push-options"
while [ "$i" -lt "${GIT_PUSH_OPTION_COUNT:-0}" ]; do
    eval "echo \\"\\$GIT_PUSH_OPTION_$i\\"" >> "$GIT_DIR/push-options"
    i=$((i + 1))
done
"""

ANSWER_LIKE_GERRIT = """\
while read old new ref; do
    echo "$new" >> "$GIT_DIR/uploaded"
    n=$(wc -l < "$GIT_DIR/uploaded")
    echo "" >&2
    echo "SUCCESS" >&2
    echo "" >&2
    echo "  https://review.example.org/c/demo/+/10$n Parse YAML with the safe loader [NEW]" >&2
    git update-ref -d "$ref"
done
"""


@pytest.fixture
def project(tmp_path):
    work, remote = make_project(
        tmp_path, {"pkg/a.py": UNSAFE_YAML, "pkg/b.py": UNSAFE_YAML, "pkg/ok.py": b"x = 1\n"}
    )
    install_hook(remote, "pre-receive", RECORD_OPTIONS)
    install_hook(remote, "post-receive", ANSWER_LIKE_GERRIT)
    return work, remote


def run_gerrit(work: Path, *args: str):
    result = CliRunner().invoke(main, ["gerrit", "-j1", *args, str(work)], catch_exceptions=False)
    return result


def uploaded(remote: Path) -> list[str]:
    path = remote / "uploaded"
    return path.read_text().split() if path.exists() else []


def change_id_of(repo: Path, commit: str) -> str:
    found = re.findall(
        r"^Change-Id: (I[0-9a-f]{40})$",
        git("log", "-1", "--format=%B", commit, cwd=repo),
        re.MULTILINE,
    )
    assert len(found) == 1
    return found[0]


def test_push_uploads_the_series_with_push_options_and_prints_change_urls(project):
    work, remote = project
    before = snapshot(work)

    result = run_gerrit(
        work,
        "--topic",
        "cwe-502",
        "--hashtag",
        "security",
        "--reviewer",
        "sec@example.org",
        "--wip",
    )

    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "https://review.example.org/c/demo/+/101 Parse YAML with the safe loader [NEW]"
    ]
    assert (remote / "push-options").read_text().splitlines() == [
        "topic=cwe-502",
        "hashtag=security",
        "r=sec@example.org",
        "wip",
    ]
    [tip] = uploaded(remote)
    assert git("rev-parse", "refs/heads/cwemod/cwe-502", cwd=work).strip() == tip
    assert git("rev-parse", f"{tip}~1", cwd=work) == git("rev-parse", "HEAD", cwd=work)
    assert "yaml.safe_load(" in git("show", f"{tip}:pkg/a.py", cwd=work)

    after = snapshot(work)
    assert {key: value for key, value in after.items() if key != "refs"} == {
        key: value for key, value in before.items() if key != "refs"
    }
    new_refs = set(after["refs"].splitlines()) - set(before["refs"].splitlines())
    assert new_refs == {f"{tip} commit\trefs/heads/cwemod/cwe-502"}


def test_gitreview_chooses_remote_and_branch(project):
    work, remote = project
    git("push", "-q", "origin", "master:stable/2024.2", cwd=work)
    git("remote", "add", "gerrit", str(remote), cwd=work)
    (work / ".gitreview").write_text(
        "[gerrit]\nhost=review.example.org\nproject=demo.git\ndefaultbranch=stable/2024.2\n"
    )
    git("add", ".gitreview", cwd=work)
    git("commit", "-qm", "Add .gitreview", cwd=work)

    result = run_gerrit(work, "--dry-run")

    assert result.exit_code == 0, result.output
    assert (
        result.stdout.splitlines()[-1]
        == "git push gerrit cwemod/stable/2024.2:refs/for/stable/2024.2"
    )


def test_dry_run_prints_messages_and_command_and_changes_nothing(project):
    work, remote = project
    before, remote_before = snapshot(work), git("for-each-ref", cwd=remote)

    result = run_gerrit(work, "--dry-run", "--topic", "t", "--hashtag", "a b")

    assert result.exit_code == 0, result.output
    assert "# commit 1/1: pkg/a.py, pkg/b.py\nParse YAML with the safe loader\n\n" in result.stdout
    assert re.search(r"^Change-Id: I[0-9a-f]{40}$", result.stdout, re.MULTILINE)
    assert (
        result.stdout.splitlines()[-1]
        == "git push -o topic=t -o 'hashtag=a b' origin cwemod/t:refs/for/master"
    )
    assert snapshot(work) == before
    assert git("for-each-ref", cwd=remote) == remote_before
    assert uploaded(remote) == []


def test_regenerating_the_same_fix_keeps_the_change_id(project):
    work, remote = project
    assert run_gerrit(work).exit_code == 0
    git("branch", "-D", "cwemod/master", cwd=work)  # no help from the local branch
    assert run_gerrit(work).exit_code == 0

    # Two uploads arrived (within one second they may even be the same commit).
    first, second = uploaded(remote)
    assert change_id_of(work, first) == change_id_of(work, second)


def test_an_existing_change_id_on_the_local_branch_wins(project):
    work, remote = project
    mine = "I" + "5" * 40
    tree = git("rev-parse", "HEAD^{tree}", cwd=work).strip()
    message = f"My own upload\n\nCwemod-Group: codemod yaml-safe-load\nChange-Id: {mine}\n"
    earlier = git(
        "commit-tree", tree, "-p", "HEAD", "-F", "-", cwd=work, input=message.encode()
    ).strip()
    git("branch", "cwemod/master", earlier, cwd=work)

    result = run_gerrit(work)

    assert result.exit_code == 0, result.output
    [tip] = uploaded(remote)
    assert change_id_of(work, tip) == mine
    trailers = git(
        "interpret-trailers",
        "--parse",
        cwd=work,
        input=git("log", "-1", "--format=%B", tip, cwd=work).encode(),
    )
    assert trailers.splitlines()[-1] == f"Change-Id: {mine}"


def test_rejection_exits_2_and_leaves_no_local_branch(project):
    work, remote = project
    install_hook(remote, "pre-receive", 'echo "blocked by policy" >&2\nexit 1\n')
    before = snapshot(work)

    result = run_gerrit(work, "--topic", "t")

    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "cwemod: error: push to origin failed: the remote rejected it (pre-receive hook declined)"
    ]
    assert snapshot(work) == before


def test_rejection_puts_an_existing_local_branch_back(project):
    work, remote = project
    git("branch", "cwemod/master", "HEAD", cwd=work)
    install_hook(remote, "pre-receive", "exit 1\n")
    before = snapshot(work)

    assert run_gerrit(work).exit_code == 2
    assert snapshot(work) == before


def test_a_dirty_file_to_fix_is_refused_before_anything_happens(project):
    work, remote = project
    (work / "pkg/b.py").write_bytes(UNSAFE_YAML + b"\n# wip\n")
    before = snapshot(work)

    result = run_gerrit(work)

    assert result.exit_code == 2
    assert "uncommitted changes in files the series would change: pkg/b.py" in result.stderr
    assert snapshot(work) == before
    assert uploaded(remote) == []


def test_being_on_the_series_branch_is_refused(project):
    work, _ = project
    git("checkout", "-q", "-b", "cwemod/master", "--track", "origin/master", cwd=work)
    result = run_gerrit(work)
    assert result.exit_code == 2
    assert "the current branch is cwemod/master" in result.stderr


def test_change_urls_and_rejection_reasons_from_real_shaped_replies():
    reply = (
        "remote: \nremote: Processing changes: refs: 1, new: 2, done\nremote: \nremote: SUCCESS\nremote: \n"
        "remote:   https://review.opendev.org/c/openstack/neutron/+/912345 Parse YAML with the safe loader [NEW]\n"
        "remote:   https://review.opendev.org/c/openstack/neutron/+/912346 Run commands as argument lists [WIP]\n"
        "remote: \nTo ssh://review.opendev.org:29418/openstack/neutron\n * [new reference] HEAD -> refs/for/master\n"
    )
    assert change_urls(reply) == [
        "https://review.opendev.org/c/openstack/neutron/+/912345 Parse YAML with the safe loader [NEW]",
        "https://review.opendev.org/c/openstack/neutron/+/912346 Run commands as argument lists [WIP]",
    ]
    rejected = " ! [remote rejected] cwemod/master -> refs/for/master (no new changes)\nerror: failed to push some refs\n"
    assert rejection_reason(rejected) == "the remote rejected it (no new changes)"
    assert rejection_reason("fatal: the receiving end does not support push options\n") == (
        "fatal: the receiving end does not support push options"
    )
