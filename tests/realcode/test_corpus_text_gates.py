"""The narrower text tests of a whole-tree run, against every file of the four pinned projects."""

from __future__ import annotations

import pytest
from corpus import PINS

from realsource import sdist_tree
from tests.test_text_gates import unsound

pytestmark = pytest.mark.realcode


@pytest.mark.parametrize("pin", PINS, ids=[pin.package for pin in PINS])
def test_no_file_is_turned_down_where_its_gate_finds_a_candidate(pin):
    paths = sorted(sdist_tree(pin.name, pin.version).rglob("*.py"))
    assert len(paths) > 100
    assert unsound(paths) == []
