""".gitreview parsing and where a series is pushed by default."""

from __future__ import annotations

import pytest

from cwemod.vcs.gerrit import (
    GerritError,
    PushOptions,
    Target,
    local_branch,
    project_from_url,
    push_command,
    resolve_target,
)
from cwemod.vcs.git import Git
from cwemod.vcs.gitreview import GitReview, GitReviewError, read_gitreview
from vcs_support import UNSAFE_YAML, git, make_project

NEUTRON_GITREVIEW = """\
[gerrit]
host=review.opendev.org
port=29418
project=openstack/neutron.git
defaultbranch=stable/2024.2
"""


def test_reads_openstacks_gitreview(tmp_path):
    (tmp_path / ".gitreview").write_text(NEUTRON_GITREVIEW)
    review = read_gitreview(tmp_path)
    assert review == GitReview(
        "review.opendev.org", 29418, "openstack/neutron.git", "stable/2024.2", None
    )
    assert review.ssh_url("dev") == "ssh://dev@review.opendev.org:29418/openstack/neutron.git"


def test_missing_gitreview_is_none_and_a_broken_one_is_an_error(tmp_path):
    assert read_gitreview(tmp_path) is None
    (tmp_path / ".gitreview").write_text("host=x\n")
    with pytest.raises(GitReviewError, match=r"\.gitreview: cannot parse"):
        read_gitreview(tmp_path)
    (tmp_path / ".gitreview").write_text("[gerrit]\nhost=x\nport=ssh\n")
    with pytest.raises(GitReviewError, match="port must be a number"):
        read_gitreview(tmp_path)


@pytest.mark.parametrize(
    "url, project",
    [
        ("ssh://dev@review.opendev.org:29418/openstack/neutron.git", "openstack/neutron"),
        ("https://review.opendev.org/openstack/neutron", "openstack/neutron"),
        ("git@github.com:openstack/neutron.git", "openstack/neutron"),
        ("/srv/git/neutron.git", "neutron"),
    ],
)
def test_project_from_remote_urls(url, project):
    assert project_from_url(url) == project


def test_without_gitreview_origin_and_the_upstream_branch_are_used(tmp_path):
    work, _ = make_project(tmp_path, {"pkg/a.py": UNSAFE_YAML})
    target = resolve_target(Git(work), None)
    assert (target.remote, target.branch, target.project) == ("origin", "master", "remote")


def test_a_remote_named_gerrit_wins_over_origin_and_flags_win_over_all(tmp_path):
    work, _ = make_project(tmp_path, {"pkg/a.py": UNSAFE_YAML})
    git("remote", "add", "gerrit", "ssh://me@review.example.org:29418/team/app.git", cwd=work)
    assert resolve_target(Git(work), None).remote == "gerrit"
    assert resolve_target(Git(work), None).project == "team/app"
    flagged = resolve_target(Git(work), None, remote="origin", branch="stable/x")
    assert (flagged.remote, flagged.branch) == ("origin", "stable/x")


def test_gitreview_gives_project_branch_and_remote_url(tmp_path):
    work, remote = make_project(tmp_path, {"pkg/a.py": UNSAFE_YAML})
    git("config", "gitreview.username", "dev", cwd=work)
    review = GitReview("review.opendev.org", 29418, "openstack/neutron.git", "stable/2024.2")
    target = resolve_target(Git(work), review)
    assert target.remote == "ssh://dev@review.opendev.org:29418/openstack/neutron.git"
    assert (target.branch, target.project) == ("stable/2024.2", "openstack/neutron")
    git("remote", "add", "gerrit", str(remote), cwd=work)
    assert resolve_target(Git(work), review).remote == "gerrit"


def test_no_branch_to_target_is_a_clear_error(tmp_path):
    work, _ = make_project(tmp_path, {"pkg/a.py": UNSAFE_YAML})
    git("checkout", "-q", "--detach", cwd=work)
    with pytest.raises(GerritError, match="pass --branch"):
        resolve_target(Git(work), None)


def test_push_command_uses_gerrit_push_options():
    options = PushOptions(
        topic="cwe-fixes", hashtags=("security", "cwe-78"), reviewers=("a@example.org",), wip=True
    )
    target = Target("gerrit", "master", "openstack/neutron")
    command = push_command(target, local_branch(target, options), options)
    assert command == [
        "git", "push",
        "-o", "topic=cwe-fixes", "-o", "hashtag=security", "-o", "hashtag=cwe-78",
        "-o", "r=a@example.org", "-o", "wip",
        "gerrit", "cwemod/cwe-fixes:refs/for/master",
    ]  # fmt: skip
