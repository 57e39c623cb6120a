"""Whether a module's rendered templates are parsed as data (YAML, JSON, TOML), and nothing else.

lightkube's ``codecs.py`` renders a template from a string in ``_template()``, returns
it, and hands it to ``yaml.safe_load_all``: its output is YAML, where escaping would
turn an ``&`` in a value into ``&amp;``.
"""

from __future__ import annotations

import libcst as cst
from libcst import MetadataDependent
from libcst.metadata import PositionProvider, ScopeProvider

from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.bindings import assigned_values
from cwemod.codemods.kit.calls import positional_arg
from cwemod.codemods.kit.match import nodes_of_type
from cwemod.codemods.kit.names import QualifiedNames

DATA_PARSERS = frozenset(
    {
        *(f"yaml.{kind}load{all}" for kind in ("", "safe_", "full_") for all in ("", "_all")),
        "json.loads",
        "tomllib.loads",
        "tomli.loads",
        "toml.loads",
    }
)
# Every way of rendering a template: any of them not parsed as data leaves the question open.
_RENDERS = m.Call(
    func=m.Attribute(
        attr=m.Name("render") | m.Name("render_async") | m.Name("generate") | m.Name("stream")
    )
)
_DEPTH = 4  # names and helpers followed from a render to its parser


def parsed_as_data(
    codemod: MetadataDependent, module: cst.Module, names: QualifiedNames
) -> str | None:
    """The parser the module's first render goes to, where every render (``.render()``,
    ``.generate()``, ``.stream()``) goes to a data parser only: as its argument, through a
    local name used only so after it is bound, or returned by a private function of the
    module (``_template``) whose every call goes so. None where one goes elsewhere or is
    not followed, or the module renders nothing."""
    renders = [call for call in nodes_of_type(module, cst.Call) if m.matches(call, _RENDERS)]
    if not renders:
        return None
    flow = _Flow(codemod, module, names)
    found = [flow.parser_of(render, 0) for render in renders]
    return found[0] if None not in found else None


class _Flow:
    def __init__(self, codemod: MetadataDependent, module: cst.Module, names: QualifiedNames):
        self._codemod = codemod
        self._parsers: dict[int, str] = {}  # a parser's first argument, by id: the parser
        self._calls: dict[str, list[cst.Call]] = {}  # the calls of each plain name
        for call in nodes_of_type(module, cst.Call):
            if isinstance(call.func, cst.Name):
                self._calls.setdefault(call.func.value, []).append(call)
            parser = sorted(names.of(call.func) & DATA_PARSERS)
            given = positional_arg(call, 0) if parser else None
            if given is not None:
                self._parsers[id(given.value)] = parser[0]
        values = assigned_values(module).items()
        self._bound = {
            id(value): target for target, value in values if isinstance(target, cst.Name)
        }
        self._returned: dict[int, str] = {}  # a returned value, by id: its function's name
        for function in nodes_of_type(module, cst.FunctionDef):  # inner functions last
            for returned in nodes_of_type(function.body, cst.Return):
                if returned.value is not None:
                    self._returned[id(returned.value)] = function.name.value

    def parser_of(self, value: cst.CSTNode, depth: int) -> str | None:
        """The data parser ``value`` goes to, where it goes to none but such parsers."""
        if depth > _DEPTH:
            return None
        if id(value) in self._parsers:
            return self._parsers[id(value)]
        target = self._bound.get(id(value))
        if target is not None:
            return self._each_parser(self._uses_after(target), depth)
        function = self._returned.get(id(value), "")
        if function.startswith("_"):  # private: the module's own calls are all its calls
            return self._each_parser(self._calls.get(function, []), depth)
        return None

    def _each_parser(self, uses: list[cst.CSTNode], depth: int) -> str | None:
        found = [self.parser_of(use, depth + 1) for use in uses]
        return found[0] if found and None not in found else None

    def _uses_after(self, target: cst.Name) -> list[cst.CSTNode]:
        """The uses of the name bound at ``target`` in its scope, after it in the text (an
        argument bound again, as lightkube's ``stream = _template(stream, ...)``, is used
        before)."""
        scope = self._codemod.get_metadata(ScopeProvider, target, None)
        if scope is None:
            return []
        start = self._codemod.get_metadata(PositionProvider, target).start
        uses = []
        for assignment in scope.assignments[target.value]:
            if getattr(assignment, "node", None) is not target:
                continue
            for access in assignment.references:
                at = self._codemod.get_metadata(PositionProvider, access.node).start
                if (at.line, at.column) > (start.line, start.column):
                    uses.append(access.node)
        return uses
