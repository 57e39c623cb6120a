"""Parents and a wrapper that give LibCST's answers with less work (``kit/parents``, ``kit/metadata``)."""

from __future__ import annotations

from pathlib import Path

import libcst as cst
import libcst.metadata
import libcst.metadata.wrapper
import pytest
from libcst.metadata import (
    ExpressionContextProvider,
    ParentNodeProvider,
    PositionProvider,
    QualifiedNameProvider,
    ScopeProvider,
)

import cwemod
from cwemod.codemods.kit.metadata import MetadataWrapper
from cwemod.codemods.kit.parents import ParentProvider

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted(
    [
        *(ROOT / "before_after").rglob("*.before.py"),
        *(ROOT / "before_after").rglob("*.unchanged.py"),
        *(
            Path(cwemod.__file__).parent / "codemods" / name
            for name in ("base.py", "sql_parameters.py")
        ),
    ]
)


def test_each_node_has_the_parent_libcsts_provider_gives():
    for path in SOURCES:
        wrapper = MetadataWrapper(cst.parse_module(path.read_text()), unsafe_skip_copy=True)
        theirs = wrapper.resolve(ParentNodeProvider)
        ours = wrapper.resolve(ParentProvider)
        assert set(map(id, ours)) == set(map(id, theirs)), path
        assert all(ours[node] is parent for node, parent in theirs.items()), path


@pytest.fixture
def module_visits(monkeypatch):
    """The providers of each visit of the whole module LibCST's resolver makes."""
    visits: list[list[str]] = []
    real = libcst.metadata.wrapper._gen_batchable

    def counted(wrapper, providers):
        providers = list(providers)
        visits.append(sorted(type(provider).__name__ for provider in providers))
        return real(wrapper, providers)

    monkeypatch.setattr(libcst.metadata.wrapper, "_gen_batchable", counted)
    return visits


SOURCE = "import os\n\n\ndef f(x):\n    return os.path.join(x, 'y')\n"


@pytest.mark.parametrize(
    ("providers", "libcst_visits"),
    [
        ((PositionProvider,), [[]]),
        ((ParentProvider,), [[]]),
        ((ScopeProvider,), [["ExpressionContextProvider"], ["ScopeProvider"]]),
        (
            (PositionProvider, ParentProvider, QualifiedNameProvider),
            [["ExpressionContextProvider"], ["ScopeProvider"], ["QualifiedNameProvider"]],
        ),
    ],
)
def test_no_visit_of_the_module_computes_nothing(module_visits, providers, libcst_visits):
    """LibCST visits the module for rounds with nothing to visit with: [] and visit_Module-only."""
    module = cst.parse_module(SOURCE)
    theirs = libcst.metadata.MetadataWrapper(module, unsafe_skip_copy=True)
    theirs.resolve_many(providers)
    assert module_visits == libcst_visits
    module_visits.clear()
    ours = MetadataWrapper(module, unsafe_skip_copy=True)
    ours.resolve_many(providers)
    assert module_visits == []
    for provider in (PositionProvider, ParentProvider, ExpressionContextProvider):
        if provider in ours._metadata:
            assert dict(ours.resolve(provider)) == dict(theirs.resolve(provider))


def test_scopes_name_what_libcsts_name():
    for path in SOURCES:
        if path.parent.parent.name != "before_after":
            continue  # qualified names of every name of a big module take seconds
        module = cst.parse_module(path.read_text())
        ours = MetadataWrapper(module, unsafe_skip_copy=True).resolve(QualifiedNameProvider)
        theirs = libcst.metadata.MetadataWrapper(module, unsafe_skip_copy=True).resolve(
            QualifiedNameProvider
        )
        assert _values(ours) == _values(theirs), path


def _values(metadata):
    """The metadata by node, its lazy values computed (qualified names are computed when read)."""
    return {node: value() if callable(value) else value for node, value in metadata.items()}
