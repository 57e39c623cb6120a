"""The Codemod base class on LibCST's public API, sharing one tree's metadata."""

from __future__ import annotations

import inspect

import libcst as cst
from libcst.codemod import CodemodContext
from libcst.metadata import BatchableMetadataProvider, MetadataWrapper

from cwemod.codemods import Codemod, Fix, RunState, base, records


class CountingProvider(BatchableMetadataProvider[int]):
    """Metadata that counts how often it is computed."""

    runs = 0

    def visit_Module(self, node: cst.Module) -> None:
        type(self).runs += 1
        self.set_metadata(node, type(self).runs)


class Probe(Codemod):
    id = "probe"
    title = "probe"
    METADATA_DEPENDENCIES = (CountingProvider,)

    def visit_Module(self, node: cst.Module) -> None:
        self.seen = self.get_metadata(CountingProvider, node)
        self.wrapper_seen = self.context.wrapper


def test_no_private_libcst_method_is_overridden():
    libcst_bases = [cls for cls in Codemod.__mro__ if cls.__module__.startswith("libcst")]
    private = [
        name
        for name, value in vars(Codemod).items()
        if name.startswith("_") and not name.endswith("__") and _is_method(value)
    ]
    overridden = [name for name in private if any(name in vars(cls) for cls in libcst_bases)]
    assert overridden == []


def _is_method(value: object) -> bool:
    return inspect.isfunction(value) or isinstance(value, (classmethod, staticmethod, property))


def test_codemods_on_one_tree_share_its_metadata():
    CountingProvider.runs = 0
    wrapper = MetadataWrapper(cst.parse_module("x = 1\n"))
    probes = [Probe(CodemodContext()), Probe(CodemodContext())]
    for probe in probes:
        probe.shared_wrapper = wrapper
        assert probe.transform_module(wrapper.module).code == "x = 1\n"
    assert CountingProvider.runs == 1
    assert [probe.wrapper_seen for probe in probes] == [wrapper, wrapper]
    assert all(probe.context.wrapper is None for probe in probes)  # restored after the run


def test_without_a_shared_wrapper_a_codemod_wraps_the_tree_itself():
    CountingProvider.runs = 0
    probe = Probe(CodemodContext())
    probe.transform_module(cst.parse_module("x = 1\n"))
    assert CountingProvider.runs == 1 and probe.seen == 1


def test_records_are_one_module_and_the_old_names_still_work():
    assert base.Fix is records.Fix is Fix
    assert base.RunState is records.RunState is RunState
    assert "rules" in vars(Codemod) and Codemod.rules == ()
    assert inspect.getmodule(Fix) is records


class CallLog(Codemod):
    """Logs the calls it visits."""

    id = "call-log"
    title = "call log"

    def visit_Module(self, node: cst.Module) -> None:
        self.calls: list[str] = []

    def visit_Call(self, node: cst.Call) -> None:
        self.calls.append(cst.ensure_type(node.func, cst.Name).value)


SCOPES = """\
@decorate(1)
def a():
    one()


def b():
    two()


class C:
    def c(self):
        three()

four()
"""


def _calls_visited(state: RunState) -> list[str]:
    log = CallLog(CodemodContext(), state)
    assert log.transform_module(cst.parse_module(SCOPES)).code == SCOPES
    return log.calls


def test_a_report_run_visits_only_the_functions_and_classes_it_points_into():
    assert _calls_visited(RunState(finding_ranges=[records.LineRange(1, 1)])) == [
        "decorate",
        "one",
        "four",
    ]
    assert _calls_visited(RunState(finding_ranges=[records.LineRange(12, 12)])) == [
        "three",
        "four",
    ]


def test_a_whole_tree_run_visits_only_scopes_around_candidates_and_everything_without():
    assert _calls_visited(RunState(candidate_ranges=[records.LineRange(7, 7)])) == [
        "two",
        "four",
    ]
    assert _calls_visited(RunState()) == ["decorate", "one", "two", "three", "four"]
