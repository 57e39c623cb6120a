"""os-chmod: the rewritten call really leaves the file unwritable by others, and no more."""

from __future__ import annotations

import os
import stat
import textwrap
import types

import pytest

from cwemod.codemods import RefusalKind
from cwemod.codemods.kit.project import Project
from cwemod.engine import transform_source

PUBLISH = """\
import os
import stat


def publish(path):
    os.chmod(path, 0o777)


def share(path):
    os.chmod(path, stat.S_IRWXU | stat.S_IRWXG | stat.S_IRWXO)
"""


def rewrite(source: str, *, unsafe: bool = True, module_path: str = "", **options: str):
    return transform_source(
        textwrap.dedent(source),
        [("os-chmod", options)],
        allow_review=unsafe,
        project=Project(line_length=100),
        module_path=module_path,
    )


def load(text: str) -> types.ModuleType:
    module = types.ModuleType("rewritten")
    exec(compile(text, "rewritten", "exec"), module.__dict__)
    return module


@pytest.mark.parametrize("function", ["publish", "share"])
def test_the_rewritten_mode_keeps_everything_but_group_and_world_write(tmp_path, function):
    before, after = tmp_path / "before", tmp_path / "after"
    before.touch()
    after.touch()
    getattr(load(PUBLISH), function)(str(before))
    getattr(load(rewrite(PUBLISH).text), function)(str(after))
    old = stat.S_IMODE(os.stat(before).st_mode)
    new = stat.S_IMODE(os.stat(after).st_mode)
    assert old == 0o777 and new == 0o755


def test_the_drop_option_can_keep_group_write(tmp_path):
    path = tmp_path / "shared"
    path.touch()
    load(rewrite(PUBLISH, drop="0o002").text).publish(str(path))
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o775


def test_a_bad_drop_option_is_one_clear_error():
    with pytest.raises(ValueError, match="0o002"):
        rewrite(PUBLISH, drop="0o020")


def test_test_code_is_left_alone_even_with_unsafe():
    outcome = rewrite(PUBLISH, module_path="project/tests/test_publish.py")
    assert outcome.text == textwrap.dedent(PUBLISH)
    assert not outcome.fixes


def test_without_unsafe_the_fix_is_only_announced():
    outcome = rewrite(PUBLISH, unsafe=False)
    assert outcome.text == PUBLISH
    assert len(outcome.skipped_review) == 2


def test_a_sticky_shared_directory_is_advice():
    outcome = rewrite("import os\nos.chmod('/srv/spool', 0o1777)\n")
    [refusal] = outcome.refusals
    assert refusal.kind is RefusalKind.ADVICE_ONLY and "sticky" in refusal.reason
