"""sql-parameters: names the code draws at random itself, which nothing from outside reaches.

sqlite-utils' probe table ``f"t{secrets.token_hex(16)}"``, impyla's scratch view
``_random_id(prefix="tmp_crs_")`` of its own ``_random_id()`` that returns ``prefix +
''.join(random.sample(string.ascii_uppercase, length))``: a value made only of the code's
literals and of random draws, inline, through a name's assignments, or returned by a
function of the module. What :meth:`RandomDraws.constant` finds is made of the code's
literals alone: swift's ``', '.join(columns)`` of a local list of literals, its ``columns
+= ', updated_at'``, its ``'incoming' if incoming else 'outgoing'``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

import libcst as cst
from libcst import MetadataDependent
from libcst.metadata import GlobalScope, Scope, ScopeProvider

from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.bindings import assigned_values
from cwemod.codemods.kit.calls import argument, filled_parameters, named_parameters, positional_arg
from cwemod.codemods.kit.match import nodes_of_type
from cwemod.codemods.kit.names import dotted_name

# What a draw makes does not depend on its arguments: a number, bytes, a token, a UUID.
_DRAWS = frozenset(
    {
        *(f"random.{name}" for name in ("random", "randint", "randrange", "getrandbits")),
        *(f"random.{name}" for name in ("uniform", "triangular", "randbytes")),
        *(f"secrets.{name}" for name in ("token_hex", "token_urlsafe", "token_bytes")),
        *("secrets.randbelow", "secrets.randbits", "uuid.uuid4", "os.urandom"),
    }
)
# A pick from its first argument (by keyword: that name), which must be the code's own.
_PICKS = {
    "random.choice": "seq",
    "random.choices": "population",
    "random.sample": "population",
    "secrets.choice": "seq",
}
_CONSTANT, _DRAWN = 0, 1
_DEEPEST = 12

Kind = int | None  # _CONSTANT, _DRAWN, or None: something else may reach it
Params = Mapping[cst.Param, Kind]  # a helper's parameters, with what its call passes them


class RandomDraws:
    """Which expressions are made only of the code's literals and its random draws.

    ``codemod`` depends on ``ScopeProvider``; ``module`` is its tree; ``bound`` is
    :meth:`~cwemod.codemods.kit.bindings.Bindings.of`, ``qualified`` is
    :meth:`~cwemod.codemods.kit.names.QualifiedNames.of`.
    """

    def __init__(
        self,
        codemod: MetadataDependent,
        module: cst.Module,
        bound: Callable[[cst.Name], list[cst.BaseExpression] | None],
        qualified: Callable[[cst.CSTNode], set[str]],
    ) -> None:
        self._codemod, self._bound, self._qualified = codemod, bound, qualified
        self._module = module
        self._uses: _ListUses | None = None  # worked out when a list is first met

    def constant(self, node: cst.BaseExpression) -> bool:
        """Is ``node`` made only of literals of the code (a choice between them, a join of
        a list of them, a name bound to them and grown only by them)?"""
        return self._kind(node, {}, 0) == _CONSTANT

    def drawn(self, node: cst.BaseExpression) -> bool:
        """Is ``node`` drawn at random, beside only literals of the code (a prefix, a
        suffix), by ``random``, ``secrets`` or ``uuid.uuid4()``?"""
        return self._kind(node, {}, 0) == _DRAWN

    def _all(self, parts: Iterable[cst.BaseExpression], params: Params, depth: int) -> Kind:
        kinds = [self._kind(part, params, depth + 1) for part in parts]
        return None if None in kinds else max(kinds, default=_CONSTANT)  # type: ignore[type-var]

    def _kind(self, node: cst.BaseExpression, params: Params, depth: int) -> Kind:
        if depth > _DEEPEST:
            return None
        if isinstance(node, (cst.SimpleString, cst.Integer)):
            return _CONSTANT
        if isinstance(node, (cst.FormattedString, cst.ConcatenatedString)):
            fields = nodes_of_type(node, cst.FormattedStringExpression)
            return self._all((field.expression for field in fields), params, depth)
        if isinstance(node, cst.BinaryOperation) and isinstance(
            node.operator, (cst.Add, cst.Modulo)
        ):
            return self._all((node.left, node.right), params, depth)
        if isinstance(node, (cst.Tuple, cst.List)):  # a name's list: see _list_additions()
            return self._all((element.value for element in node.elements), params, depth)
        if isinstance(node, cst.IfExp):  # the test chooses, and puts in nothing
            return self._all((node.body, node.orelse), params, depth)
        if isinstance(node, cst.Name):
            return self._name_kind(node, params, depth)
        if isinstance(node, cst.Attribute):  # string.ascii_letters; uuid.uuid4().hex
            if any(name.startswith("string.") for name in self._dotted_names(node)):
                return _CONSTANT
            return self._kind(node.value, params, depth + 1)
        if isinstance(node, cst.Subscript):  # uuid.uuid4().hex[:8]
            return self._subscript_kind(node, params, depth)
        if isinstance(node, (cst.GeneratorExp, cst.ListComp)):  # random.choice(...) for _ in ...
            return self._kind(node.elt, params, depth + 1)
        return self._call_kind(node, params, depth) if isinstance(node, cst.Call) else None

    def _dotted_names(self, node: cst.BaseExpression) -> set[str]:
        """What ``a.b.c`` stands for; none for ``str(x).replace``, which libcst names as
        ``builtins.str``."""
        return self._qualified(node) if dotted_name(node) is not None else set()

    def _name_kind(self, name: cst.Name, params: Params, depth: int) -> Kind:
        scope = self._codemod.get_metadata(ScopeProvider, name, None)
        bindings = [] if scope is None else [binding.node for binding in scope[name.value]]
        if len(bindings) == 1 and isinstance(bindings[0], cst.Param):
            return params.get(bindings[0])
        values = self._bound(name) or self._grown(name, scope)
        if values and any(isinstance(value, cst.List) for value in values):
            added = self._list_additions(name, scope)
            values = None if added is None else [*values, *added]
        return None if not values else self._all(values, params, depth)

    def _list_uses(self) -> _ListUses:
        if self._uses is None:
            self._uses = _ListUses(self._module)
        return self._uses

    def _grown(self, name: cst.Name, scope: Scope | None) -> list[cst.BaseExpression] | None:
        """The values of the name's bindings where each is ``name = value`` or ``name +=
        value`` (swift's ``columns += ', updated_at'``); None for any other kind."""
        bindings = [] if scope is None else [binding.node for binding in scope[name.value]]
        assigned, grown = assigned_values(self._module), self._list_uses().grown
        values = [assigned.get(node) or grown.get(id(node)) for node in bindings]
        return values if values and None not in values else None  # type: ignore[return-value]

    def _list_additions(
        self, name: cst.Name, scope: Scope | None
    ) -> list[cst.BaseExpression] | None:
        """What the code appends to the list a name is bound to, where each use of the name
        is ``name.append(value)``, ``name += value``, ``"sep".join(name)``, or takes away
        (swift's ``columns.remove('container_count')``); None where one is another (passed
        to a function, which may add anything to it)."""
        uses, added = self._list_uses(), []
        for binding in [] if scope is None else scope[name.value]:
            for access in binding.references:
                node = access.node
                if id(node) in uses.appended:
                    added.append(uses.appended[id(node)])
                elif id(node) not in uses.read_or_shrunk and id(node) not in uses.grown:
                    return None
        return added

    def _subscript_kind(self, node: cst.Subscript, params: Params, depth: int) -> Kind:
        bounds: list[cst.BaseExpression] = []
        for element in node.slice:
            index = element.slice
            if isinstance(index, cst.Index):
                bounds.append(index.value)
            else:
                bounds += [b for b in (index.lower, index.upper, index.step) if b is not None]
        return self._all((node.value, *bounds), params, depth)

    def _call_kind(self, call: cst.Call, params: Params, depth: int) -> Kind:
        if any(arg.star for arg in call.args):
            return None
        names = self._dotted_names(call.func)
        if names & _DRAWS:
            return _DRAWN
        for name in names & _PICKS.keys():
            picked = argument(call, _PICKS[name], 0)
            constant = (
                picked is not None and self._kind(picked.value, params, depth + 1) == _CONSTANT
            )
            return _DRAWN if constant else None
        arguments = [arg.value for arg in call.args]
        if "builtins.str" in names:
            return self._all(arguments, params, depth)
        if isinstance(call.func, cst.Attribute):  # "".join(...), str(uuid.uuid4()).upper()
            return self._all((call.func.value, *arguments), params, depth)
        return self._helper_kind(call, params, depth) if isinstance(call.func, cst.Name) else None

    def _helper_kind(self, call: cst.Call, params: Params, depth: int) -> Kind:
        """What a function of the module returns, given what ``call`` passes it."""
        function = self._module_function(call.func)  # type: ignore[arg-type]
        if function is None:
            return None
        passed: dict[str, Kind] = {}
        for arg, name in filled_parameters(call, function.params):
            if name is None:
                return None
            kinds = (passed.get(name, _CONSTANT), self._kind(arg.value, params, depth + 1))
            passed[name] = None if None in kinds else max(kinds)  # type: ignore[type-var]
        own: dict[cst.Param, Kind] = {}
        for param in _all_params(function.params):
            default = param.default
            if param.name.value in passed:
                own[param] = passed[param.name.value]
            elif default is not None:
                own[param] = self._kind(default, {}, depth + 1)
        returns = nodes_of_type(function.body, cst.Return)
        if not returns or any(one.value is None for one in returns):
            return None
        return self._all((one.value for one in returns), own, depth)  # type: ignore[misc]

    def _module_function(self, name: cst.Name) -> cst.FunctionDef | None:
        """The undecorated ``def`` at the module's top level that ``name`` calls."""
        scope = self._codemod.get_metadata(ScopeProvider, name, None)
        bindings = [] if scope is None else list(scope[name.value])
        if len(bindings) != 1 or not isinstance(bindings[0].scope, GlobalScope):
            return None
        function = bindings[0].node
        if not isinstance(function, cst.FunctionDef) or function.decorators:
            return None
        return None if function.asynchronous else function


class _ListUses:
    """The uses of names a module makes that add to a list only what they are given, take
    from it, or read it whole: by ``id`` of the name."""

    def __init__(self, module: cst.Module) -> None:
        self.grown: dict[int, cst.BaseExpression] = {}  # name += value
        self.appended: dict[int, cst.BaseExpression] = {}  # name.append(value)
        self.read_or_shrunk: set[int] = set()  # "sep".join(name), name.remove(...)
        for augmented in nodes_of_type(module, cst.AugAssign):
            if isinstance(augmented.operator, cst.AddAssign):
                if isinstance(augmented.target, cst.Name):
                    self.grown[id(augmented.target)] = augmented.value
        for call in nodes_of_type(module, cst.Call):
            if m.matches(call.func, _SHRINK):
                self.read_or_shrunk.add(id(call.func.value))  # type: ignore[attr-defined]
            given = positional_arg(call, 0) if len(call.args) == 1 else None
            if given is None:
                continue
            if m.matches(call.func, m.Attribute(value=m.Name(), attr=m.Name("append"))):
                self.appended[id(call.func.value)] = given.value  # type: ignore[attr-defined]
            if m.matches(call.func, _JOIN) and isinstance(given.value, cst.Name):
                self.read_or_shrunk.add(id(given.value))


_JOIN = m.Attribute(value=m.SimpleString(), attr=m.Name("join"))
_SHRINK = m.Attribute(value=m.Name(), attr=m.Name("remove") | m.Name("pop") | m.Name("clear"))


def _all_params(params: cst.Parameters) -> list[cst.Param]:
    star = [params.star_arg] if isinstance(params.star_arg, cst.Param) else []
    kwarg = [params.star_kwarg] if params.star_kwarg is not None else []
    return [*named_parameters(params), *star, *kwarg]
