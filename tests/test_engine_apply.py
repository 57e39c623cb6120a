"""``write_accepted``: the engine's verified write of the hunks a user chose (``fix -i``)."""

from __future__ import annotations

import pytest

from cwemod.engine import FileResult, WriteError, write_accepted
from cwemod.engine.hunks import hunks, split_lines

FILLER = "z = 0\n" * 10  # enough unchanged lines to keep the two edits in two hunks
OLD = "x = 1\n" + FILLER + "y = 2\n"
# Together the edits turn the lines between them into one string; each alone leaves it open.
NEW = 'x = """\n' + FILLER + '"""\n'


def planned(tmp_path, old: str = OLD, new: str = NEW) -> FileResult:
    path = tmp_path / "module.py"
    path.write_text(old)
    return FileResult(path, "module.py", old.encode(), new.encode())


def both_hunks(result: FileResult):
    found = hunks(split_lines(result.old_text), split_lines(result.new_text))
    assert len(found) == 2
    return found


def test_every_hunk_accepted_writes_the_planned_text(tmp_path):
    result = planned(tmp_path)
    write_accepted(result, both_hunks(result))
    assert result.path.read_text() == NEW


def test_only_the_accepted_hunk_is_written(tmp_path):
    new = "x = 2\n" + FILLER + "y = 3\n"
    result = planned(tmp_path, new=new)
    first, _ = both_hunks(result)
    write_accepted(result, [first])
    assert result.path.read_text() == "x = 2\n" + FILLER + "y = 2\n"


def test_hunks_that_do_not_compile_together_are_not_written(tmp_path):
    result = planned(tmp_path)
    first, _ = both_hunks(result)
    with pytest.raises(WriteError, match="do not compile together"):
        write_accepted(result, [first])
    assert result.path.read_text() == OLD


def test_a_file_changed_since_it_was_read_is_not_overwritten(tmp_path):
    result = planned(tmp_path)
    result.path.write_text(OLD + "w = 4\n")
    with pytest.raises(WriteError, match="changed on disk"):
        write_accepted(result, both_hunks(result))
    assert result.path.read_text() == OLD + "w = 4\n"
