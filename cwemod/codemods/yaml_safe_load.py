"""``yaml.load`` with an unsafe loader -> ``yaml.safe_load`` (CWE-502)."""

from __future__ import annotations

import ast
from collections.abc import Mapping
from typing import Any

import libcst as cst
from libcst.metadata import PositionProvider, ScopeProvider

from cwemod.codemods._yaml_exports import OWN, RUAMEL, calls_through_a_module, followed
from cwemod.codemods._yaml_includes import opening_constructors
from cwemod.codemods._yaml_loaders import (
    PYYAML_MODULES,
    SAFE_LOADER_NAMES,
    UNSAFE_LOADER_NAMES,
    YamlLoaders,
    default_additions,
    loader_drives,
    local_loader_names,
    own_loader_names,
    python_tag_constructors,
    safe_loader_call,
)
from cwemod.codemods.base import Codemod
from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.calls import argument, has_unpacking
from cwemod.codemods.kit.enclosing import EnclosingDefinitions
from cwemod.codemods.kit.growth import LineGrowth, opens_a_bracket
from cwemod.codemods.kit.names import QualifiedNames
from cwemod.codemods.kit.project import absolute_name
from cwemod.codemods.kit.source import code_of, module_code
from cwemod.codemods.kit.syntax import calls_module_function, last_name, nodes, parse_ast
from cwemod.codemods.records import Applicability, RefusalKind

_SAFE_VARIANT = {"yaml.load": "safe_load", "yaml.load_all": "safe_load_all"}
# The functions that load the full YAML language whatever they are given (left as they are).
_FULL_LOADING = {
    f"yaml.{name}" for name in ("full_load", "full_load_all", "unsafe_load", "unsafe_load_all")
}
_UNSAFE_LOADERS = {f"{module}.{name}" for module in PYYAML_MODULES for name in UNSAFE_LOADER_NAMES}
_SAFE_LOADERS = {f"{module}.{name}" for module in PYYAML_MODULES for name in SAFE_LOADER_NAMES}
# The functions that write YAML, and PyYAML's dumpers that write Python tags (the default).
_DUMPS = {"yaml.dump", "yaml.dump_all"}
_FULL_DUMPERS = {f"{module}.{name}" for module in PYYAML_MODULES for name in ("Dumper", "CDumper")}


class YamlSafeLoad(EnclosingDefinitions, Codemod):
    id = "yaml-safe-load"
    title = "Parse YAML with the safe loader"
    cwe = ("CWE-502",)
    rules = ("B506",)
    applicability = Applicability.SAFE
    prefilter = ("yaml",)
    docs = """\
## What it does
Rewrites `yaml.load(data)` and `yaml.load(data, Loader=yaml.Loader)` (also
`FullLoader`, `UnsafeLoader` and their C variants, and `yaml.load_all`) to
`yaml.safe_load(data)` / `yaml.safe_load_all(data)`. Works through import
aliases (`import yaml as y`) and `from yaml import load`.

## Why is this bad?
The full and unsafe loaders build arbitrary Python objects from tags such as
`!!python/object/apply`, so a crafted document runs code (CWE-502,
deserialization of untrusted data).

## Fix safety
Safe (no behaviour change except the defect):
- `yaml.load`/`yaml.load_all` with no loader, or with `FullLoader`,
  `Loader`, `UnsafeLoader` or their C variants: `safe_load` returns the same
  plain data (dicts, lists, strings, numbers, dates) for every document that
  uses no Python-specific tag (`!!python/...`); only documents built on those
  tags now fail to load, which is the defect. With PyYAML 6, a call with no
  loader raised `TypeError` before. Not where the project adds its own
  constructors or resolvers to the default loaders (refused, below).

Review: a call of `yaml.load` where `yaml` is imported from a module of
the project that re-exports PyYAML (ansible-navigator's `from
.utils.serialize import yaml`, where serialize.py has `import yaml`; also
`from yaml import *` or `load = yaml.load` in a module of its own named
yaml), followed through the project's modules as a survey reads them; so
is `mod.yaml.load`, where the project's module `mod` does `import yaml`
(heat's `template_format.yaml.load`), and a loader named so
(`Loader=template_format.yaml.Loader` is `yaml.Loader`).

Advice only (nothing is written):
- a loader the codemod cannot identify (a variable, a custom class): it may
  construct only plain data, or not;
- a call shape it does not understand (extra arguments, `*args`/`**kwargs`),
  unless it is given a safe loader (below).

## Refuses
- A `yaml.load` of a module of the project that is not PyYAML's: the
  project's own function (meltano's `from meltano.core import yaml`, whose
  `def load(path)` reads a file with ruamel.yaml) or ruamel.yaml's `YAML()`
  (meltano's `from meltano.core.yaml import yaml`, round-trip): not
  applicable, nothing is recorded (neither has a `safe_load`). ruamel.yaml's
  `YAML(typ="unsafe")`, which builds Python objects: advice to load with
  `typ="safe"`. A name the codemod cannot follow to PyYAML (a module it did
  not read, as where the file is run alone; a name bound otherwise, or
  differently in two branches): advice only; but where the call is given a
  safe loader (below), it is already fixed, followed or not (heat's
  `template_format.yaml.load(s, Loader=template_format.yaml_loader)`:
  `safe_load` would drop that loader's constructors, which read dates as
  str).
- `SafeLoader`, `CSafeLoader`, `BaseLoader` (from `yaml`, or `yaml.loader`
  and `yaml.cyaml`, where PyYAML defines them, however the module names those:
  rally's `loader.SafeLoader` after `from yaml import loader`, `cyaml.CSafeLoader`,
  `y.SafeLoader` after `import yaml as y`): already safe
  (already-fixed); so is a name the project binds only to one of them, in
  this module or another (a survey finds them): a subclass (sceptre's `class
  CfnYamlLoader(yaml.SafeLoader)`, whose constructors are the project's own;
  not one that also lists `FullLoader`, `Loader` or another unsafe loader
  among its bases, whose constructors come in with it), a base chosen in
  both branches of an `if` (heatclient's `yaml_loader`, which its other
  modules import; senlin's `Loader`, though PyYAML's unsafe loader has that
  name too, and a class based on it), an import with a fallback (insights-core's `SafeLoader`),
  a class a function defines on one (copier's `_Loader`, where no other
  binding of the name exists), a subclass of one another module makes
  (esphome's on yaml_util's `FastestAvailableSafeLoader`), a call of the
  module's one function of that name that returns only them (capa's
  `cls._get_yaml_loader()`: `CSafeLoader`, else `SafeLoader`).
  `getattr(yaml, "CSafeLoader", yaml.SafeLoader)` and `typing.cast(T,
  loader)` are read as the loader they give, and so is a call of a module
  function that returns only them (airbyte-cdk's `loader =
  _get_safe_loader()`); so is `d[key]`, `d.get(key)` or `d.get(key, loader)`
  of a module's dict display whose every value is one and that nothing
  stores into (`d[k] = ...`, `d.update(...)`, `d |= ...`) nor binds again
  (octodns's `_loaders[order_mode]`), and `self.__class__` or `type(self)`
  in a method of the module's own SafeLoader subclass, `cls` in its
  classmethod (octodns's `ContextLoader` loads an `!include` with `load(fh,
  self.__class__)`): that class or a subclass. A name the project binds only
  to an unsafe loader (ansible-navigator's `Loader`: `yaml.CLoader`, else
  `yaml.Loader`) is rewritten as the unsafe loaders are.
- A safe loader the module itself defines (above) with a constructor that
  reads its node and opens a file or a URL (`open()`, `urlopen()`,
  `requests.get()`, `Path.read_text()`), registered with `add_constructor`
  on the class (or `Loader=` it), or inherited from such a class: senlin's
  `YamlLoader` reads any URL an `!include` names (`file://`: local files;
  `http://`: requests the document chooses), copier's `_Loader` any file.
  It builds plain data only, but advice to check that only trusted
  documents reach it. A loader of another module is not read for this.
- A project that adds constructors or resolvers to PyYAML's default loaders
  (`yaml.add_constructor(...)`, `add_implicit_resolver(...)` with no
  `Loader=`: they go to `Loader`, `FullLoader` and `UnsafeLoader`, not
  `SafeLoader`): pywb expands `${VAR}` in its config that way, which
  `safe_load` would silently stop doing; advice to add them to
  `yaml.SafeLoader` too.
- A module that adds a constructor for a Python tag (buku's tests give
  their `SafeLoader` subclass one for `tag:yaml.org,2002:python/tuple`,
  which `yaml.dump` writes for a tuple, and load with `FullLoader` first):
  its YAML carries those tags, which `FullLoader` builds and `safe_load`
  refuses; advice to load it with that loader, or to add `SafeLoader`
  constructors for them.
- A module that also writes YAML with `yaml.dump()` or `yaml.dump_all()`
  and the full dumper (no `Dumper=`, or `yaml.Dumper`): hyde's
  `Dependents` loads the file its `save()` writes so, and the second run
  failed once the load was `safe_load`. That dumper writes Python tags (a
  tuple, a set, an object; every unicode string on Python 2), which
  `safe_load` refuses; advice to move the writer to `safe_dump` first, and
  to mind the files already written. `safe_dump()` or `Dumper=yaml.SafeDumper`
  beside the load is no obstacle, nor a dump of a dict or list literal of
  strings, numbers, booleans and None (Bandit's own example), which gets no
  Python tag.
- A function name also bound to something else by an import fallback
  (markdown's `yaml_load`: `yaml.unsafe_load` on purpose, else `yaml.load`,
  else `json.load` where PyYAML is not installed): advice only, since which
  one runs depends on what is installed.
- A call in a function that also calls `yaml.full_load()` or
  `yaml.unsafe_load()` (robotframework's `yaml.load()` for PyYAML 3, else
  `yaml.full_load()`): the two are one choice, and the codemod leaves the
  other; advice to decide both.
- A loader the codemod cannot identify (a variable or a custom class):
  advice only, since a custom loader may be safe or not (in test code,
  which exercises the project's own loader on its own data, only where a
  report points). Where it is `self.loader`, a property of the class that
  returns one of PyYAML's loaders, the advice names it and the module's
  subclasses that override it (trove's `YamlCodec`: `yaml.loader.Loader`,
  unsafe; `SafeYamlCodec`: `SafeLoader`).
- A class based on one of PyYAML's unsafe loaders (`yaml.Loader`, `FullLoader`,
  `UnsafeLoader`, their C variants, or a name the project binds only to one) where the
  project loads with a loader by hand (`x.get_single_data()`, `x.get_data()`,
  `x.construct_document(node)` outside its tests): jenkins-job-builder's `class
  LocLoader(yaml.Loader)`, whose subclass reads every job file with
  `get_single_data()`, so no `yaml.load()` names it and a job file's
  `!!python/object/apply` runs code. Advice at the class to base it on
  `yaml.SafeLoader` (its own `add_constructor` constructors keep working); elsewhere,
  and in test code, only where a report points (a `yaml.load()` given it gets its own).
- Extra positional arguments it does not understand, `*args` or `**kwargs`, or
  no document; but a call given a safe loader by keyword (or second) is already
  fixed, whatever is beside it: zuul's `yaml.load(stream, *args,
  Loader=SafeLoader, **kwargs)`, where a second loader in `*args` or `**kwargs`
  would be a `TypeError`.
- A call that would no longer fit the project's line length, or where the
  longer name would move a bracket that a continuation line is aligned
  under. A call over several lines whose loader goes is joined on one line
  when it then fits (`yaml.load(stream,\n Loader=yaml.FullLoader)` becomes
  `yaml.safe_load(stream)`), unless a comment inside it would be lost.

## Options
None.
"""
    example = """\
import yaml

def read_config(path):
    with open(path) as handle:
        return yaml.load(handle, Loader=yaml.FullLoader)
"""

    METADATA_DEPENDENCIES = (PositionProvider, ScopeProvider)

    @classmethod
    def might_change(cls, tree: ast.Module, options: Mapping[str, Any]) -> bool:
        """Is there a call of ``yaml.load`` or ``yaml.load_all`` (what ``leave_Call`` looks for)?"""
        functions = {"load", "load_all"}
        # heat's template_format.yaml.load(...): PyYAML, where template_format does import yaml
        return (
            calls_module_function(tree, {"yaml"}, functions)
            or calls_through_a_module(tree, functions)
            or any(map(_may_name_an_unsafe_loader, nodes(tree, (ast.ClassDef,))))
        )

    def visit_Module(self, node: cst.Module) -> None:
        self._module = node
        self._names = QualifiedNames(self)
        self._growth = LineGrowth(module_code(node), self.project.line_length)
        facts = self.facts
        self._project = facts if isinstance(facts, YamlLoaders) else YamlLoaders()
        self._additions = self._project.default_additions
        self._python_tags: list[tuple[str, str]] = []
        self._full_dump = self._full_dump_in(node) if "dump" in module_code(node) else None
        self._drives = self._project.drives
        try:
            tree = parse_ast(module_code(node))
        except (SyntaxError, ValueError):  # what this Python cannot parse, LibCST could
            self._own_safe, self._own_unsafe = set(), set()
            self._module_safe = frozenset()
            self._opening: dict[str, str] = {}
        else:
            self._python_tags = python_tag_constructors(tree)
            self._own_safe, self._own_unsafe = own_loader_names(
                tree, self.module_path, self._project.safe
            )
            self._module_safe = frozenset(self._own_safe)
            self._own_safe |= local_loader_names(tree, self.module_path, frozenset(self._own_safe))
            self._opening = opening_constructors(tree, self._own_safe)
            own = tuple(f"{self.module_path}:{line}" for line in default_additions(tree))
            self._additions = self._additions or own
            drives = tuple(f"{self.module_path}:{line}" for line in loader_drives(tree))
            self._drives = self._drives or drives

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        super().visit_ClassDef(node)
        unsafe = next((arg.value for arg in node.bases if self._unsafe(arg.value)), None)
        if unsafe is None:
            return
        # jenkins-job-builder's LocLoader(yaml.Loader), driven by get_single_data() in
        # loader.py: no yaml.load() names it, so no call site tells of it
        drives = self._drives
        said = (
            f"{node.name.value} is based on {code_of(unsafe)}, PyYAML's unsafe loader: a"
            " document it loads builds any Python object its tags name (!!python/object/apply"
            " runs code)"
        )
        if drives:
            said += (
                f", and the project loads with its loaders by hand ({drives[0]}"
                f"{', ...' if len(drives) > 1 else ''})"
            )
        said += (
            "; base it on yaml.SafeLoader (the constructors it registers with add_constructor"
            " keep working), once its documents need no Python tag"
        )
        record = self.refuse if drives and not self.in_tests else self.note
        record(node.name, RefusalKind.ADVICE_ONLY, said)

    def _python_tags_reason(self) -> str:
        loader, tag = self._python_tags[0]
        said = f"this module adds a constructor for {tag} to {loader or 'a loader'}: its YAML"
        said += " carries Python tags, which safe_load refuses"
        if loader in self._own_safe:
            return f"{said}; load it with {loader}, a SafeLoader that builds them"
        return f"{said}; add SafeLoader constructors for them, then rerun"

    def _full_dump_in(self, module: cst.Module) -> str | None:
        """Why a load may read what the module writes with ``yaml.dump()`` or ``dump_all()``
        and the full dumper (no ``Dumper=``, or ``yaml.Dumper``); None where it does not."""
        for call in m.findall(module, m.Call()):
            if not (isinstance(call, cst.Call) and self._qualified(call.func) & _DUMPS):
                continue
            dumper = argument(call, "Dumper", 2)
            dumped = argument(call, "data", 0)
            if dumped is not None and _plain_literal(dumped.value):
                continue  # Bandit's yaml.dump({'a': 1, ...}): no Python tag written
            if dumper is None or self._qualified(dumper.value) & _FULL_DUMPERS:
                line = self.get_metadata(PositionProvider, call).start.line
                return (
                    f"the module writes YAML with {code_of(call.func)} (line {line}), whose"
                    " Python tags (a tuple, a set, an object; every unicode string on Python"
                    " 2) safe_load refuses, and a load may read its own dumps: move the writer"
                    " to safe_dump first, and mind the files already written"
                )
        return None

    def _safe_of_the_project(self, loader: cst.BaseExpression) -> str | None:
        """What ``loader`` is, where a safe loader of the module's or the project's own."""
        # papermill's cli.py imports NoDatesSafeLoader from iorw.py: the project's, named
        found = sorted(self._absolute(loader) & self._project.safe)
        if found:
            return f"a SafeLoader of the project's ({found[0]})"
        if isinstance(loader, cst.Name) and loader.value in self._own_safe:
            return "a SafeLoader of this module's"
        if isinstance(loader, cst.Call) and safe_loader_call(code_of(loader)):
            # airbyte-cdk's getattr(yaml, "CSafeLoader", yaml.SafeLoader)
            return "a SafeLoader of PyYAML's"
        if isinstance(loader, (cst.Call, cst.Subscript)) and safe_loader_call(
            code_of(loader), self._own_safe
        ):
            return "a SafeLoader of this module's"  # also octodns's _loaders[order_mode]
        if self._returns_safe_loaders(loader):
            return "a SafeLoader of this module's (every one its function returns)"
        own = self._own_class(loader)  # octodns's self.__class__
        return None if own is None else f"{own}, a SafeLoader of this module's, or a subclass"

    def _own_class(self, loader: cst.BaseExpression) -> str | None:
        """The module's SafeLoader class whose method gives ``loader`` as its own class
        (``self.__class__`` or ``type(self)``; ``cls`` in a classmethod): octodns's
        ``ContextLoader`` loads an ``!include`` so. That class or a subclass of it."""
        if len(self.enclosing) != 2:
            return None
        owner, method = self.enclosing
        if not (
            isinstance(owner, cst.ClassDef)
            and isinstance(method, cst.FunctionDef)
            and owner.name.value in self._module_safe
        ):
            return None
        decorators = [code_of(decorator.decorator) for decorator in method.decorators]
        if decorators not in ([], ["classmethod"]):
            return None
        given = _whose_class(loader, bool(decorators))
        if isinstance(loader, cst.Call) and self._qualified(loader.func) != {"builtins.type"}:
            return None
        first = [*method.params.posonly_params, *method.params.params][:1]
        scope = self.get_metadata(ScopeProvider, given, None) if given is not None else None
        if scope is None or not first:
            return None
        bound = [assignment.node for assignment in scope.assignments[given]]  # type: ignore
        return owner.name.value if bound == first else None

    def _property_loader(self, loader: cst.BaseExpression) -> str | None:
        """Advice for ``self.loader`` in a method of a class of the module whose property of
        that name gives one of PyYAML's loaders (trove's ``YamlCodec``: the unsafe
        ``yaml.loader.Loader``; its subclass ``SafeYamlCodec`` overrides it with
        ``SafeLoader``); None for anything else."""
        owner = self.enclosing[0] if len(self.enclosing) == 2 else None
        if not (isinstance(owner, cst.ClassDef) and m.matches(loader, m.Attribute(m.Name("self")))):
            return None
        name = loader.attr.value  # type: ignore[attr-defined]
        given = self._property_gives(owner, name)
        if given is None:
            return None
        said = f"self.{name} is {owner.name.value}'s property {name}, which gives {given}"
        for subclass in m.findall(self._module, m.ClassDef()):
            bases = [code_of(base.value) for base in subclass.bases]  # type: ignore[attr-defined]
            other = self._property_gives(subclass, name)  # type: ignore[arg-type]
            if owner.name.value in bases and other is not None:
                said += f"; {subclass.name.value} overrides it with {other}"  # type: ignore
        return f"{said}: check which class loads untrusted documents"

    def _property_gives(self, owner: cst.ClassDef, name: str) -> str | None:
        """What the property ``name`` of ``owner`` returns, where each return is one of
        PyYAML's loaders (the unsafe ones said so); None otherwise."""
        given = []
        for method in owner.body.body:
            if not (
                isinstance(method, cst.FunctionDef)
                and method.name.value == name
                and [code_of(d.decorator) for d in method.decorators] == ["property"]
            ):
                continue
            for returned in m.findall(method.body, m.Return()):
                value = returned.value  # type: ignore[attr-defined]
                names = self._qualified(value) if value is not None else set()
                if not names or not names <= _SAFE_LOADERS | _UNSAFE_LOADERS:
                    return None
                unsafe = " (an unsafe loader)" if names & _UNSAFE_LOADERS else ""
                given.append(f"{code_of(value)}{unsafe}")
        return " or ".join(dict.fromkeys(given)) or None

    def _returns_safe_loaders(self, loader: cst.BaseExpression) -> bool:
        """``Loader=cls._get_yaml_loader()`` where the module's one function of that name
        returns only PyYAML's safe loaders (capa's: CSafeLoader, else SafeLoader)."""
        if not (isinstance(loader, cst.Call) and not loader.args):
            return False
        func = loader.func
        if m.matches(func, m.Attribute(value=m.Name("self") | m.Name("cls"))):
            name = func.attr.value  # type: ignore[attr-defined]
        elif isinstance(func, cst.Name):
            name = func.value
        else:
            return False
        defined = [
            function
            for function in m.findall(self._module, m.FunctionDef(name=m.Name(name)))
            if isinstance(function, cst.FunctionDef)
        ]
        if len(defined) != 1:
            return False
        returned = [node.value for node in m.findall(defined[0].body, m.Return())]
        return bool(returned) and all(
            value is not None and bool(names := self._qualified(value)) and names <= _SAFE_LOADERS
            for value in returned
        )

    def _unsafe(self, loader: cst.BaseExpression) -> bool:
        """Is ``loader`` PyYAML's unsafe loader, or a name the project binds only to one?"""
        if isinstance(loader, cst.Name) and loader.value in self._own_unsafe:
            return True
        found = self._absolute(loader) | self._pyyaml_loader(loader)
        return bool(found & (_UNSAFE_LOADERS | self._project.unsafe))

    def _safe_loader(self, loader: cst.BaseExpression) -> str | None:
        """Why ``loader`` is a safe loader (the call already fixed); None where it is not."""
        if (self._qualified(loader) | self._pyyaml_loader(loader)) & _SAFE_LOADERS:
            return "already uses a safe loader"
        owner = self._safe_of_the_project(loader)
        if owner is None:
            return None
        return (
            f"{code_of(loader)} is {owner}: it constructs what SafeLoader does, and what the"
            " constructors the project adds build"
        )

    def _refuse_safe(self, call: cst.Call, loader: cst.BaseExpression, safe: str) -> None:
        """Already fixed; advice where the module's own loader has a constructor that opens a
        file or a URL the document names (senlin's ``YamlLoader``: ``!include``)."""
        name = loader.value if isinstance(loader, cst.Name) else self._own_class(loader)
        tag = self._opening.get(name) if name is not None else None
        if tag is None:
            self.refuse(call, RefusalKind.ALREADY_FIXED, safe)
            return
        record = self.note if self.in_tests else self.refuse  # test data, the test's own
        record(
            call,
            RefusalKind.ADVICE_ONLY,
            f"{name}'s {tag + ' ' if tag else ''}constructor opens any file or URL the"
            " document names: check that only trusted documents reach it",
        )

    def _pyyaml_loader(self, loader: cst.BaseExpression) -> set[str]:
        """PyYAML's loader that ``loader`` names through a module of the project that
        re-exports PyYAML (heat's ``template_format.yaml.Loader`` is ``yaml.Loader``)."""
        ends = _SAFE_LOADERS | _UNSAFE_LOADERS
        found = {
            followed(name, self._project.exports, ends=ends) for name in self._absolute(loader)
        }
        return found - {""}

    def _absolute(self, node: cst.CSTNode) -> set[str]:
        """The qualified names of ``node``, relative imports resolved from this module."""
        return {absolute_name(name, self.module_path) for name in self._qualified(node)}

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        function = self._yaml_function(original_node)
        if function is None or not self._is_pyyaml(original_node, function):
            return updated_node
        others = sorted(self._qualified(original_node.func) - {function})
        if isinstance(original_node.func, cst.Name) and others:
            # markdown's __main__: yaml_load is yaml.unsafe_load (on purpose, a comment
            # says), else yaml.load, else json.load where PyYAML is not installed
            self.refuse(
                original_node,
                RefusalKind.ADVICE_ONLY,
                f"{original_node.func.value} is also bound to {', '.join(others)} (an import"
                " fallback): which function runs depends on what is installed; rewrite the"
                " imports and the call by hand",
            )
            return updated_node
        loader_index = _loader_index(original_node)
        loader_node = None if loader_index is None else original_node.args[loader_index].value
        safe = None if loader_node is None else self._safe_loader(loader_node)
        if loader_node is not None and safe is not None:
            # whatever else is given: zuul's yaml.load(stream, *args, Loader=SafeLoader,
            # **kwargs), where another loader in *args or **kwargs is a TypeError
            self._refuse_safe(original_node, loader_node, safe)
            return updated_node
        data_arguments = len(original_node.args) - (loader_index is not None)
        if data_arguments != 1 or has_unpacking(original_node):
            self.refuse(
                original_node,
                RefusalKind.ADVICE_ONLY,
                "call shape not understood; check the loader by hand",
            )
            return updated_node
        if loader_node is not None and not self._unsafe(loader_node):
            # ansible-core's test/units exercise its own loader on their own data:
            # said there only where a report asks
            record = self.note if self.in_tests else self.refuse
            record(
                original_node,
                RefusalKind.ADVICE_ONLY,
                self._property_loader(loader_node)
                or "custom or unresolved Loader: check that it constructs only plain data",
            )
            return updated_node
        full = self._full_loader_beside()
        if full is not None:
            # robotframework: yaml.load() on PyYAML 3, else yaml.full_load(), on purpose
            self.refuse(
                original_node,
                RefusalKind.ADVICE_ONLY,
                f"the function also loads the full YAML language with {full}, which stays:"
                " the two are one choice (a branch for each PyYAML version, say); decide"
                " both by hand",
            )
            return updated_node
        if self._python_tags:
            # buku's tests: FullLoader, else a SafeLoader subclass that builds python/tuple
            self.refuse(original_node, RefusalKind.ADVICE_ONLY, self._python_tags_reason())
            return updated_node
        if self._full_dump is not None:
            # hyde's Dependents: loads the file its save() writes with yaml.dump()
            self.refuse(original_node, RefusalKind.ADVICE_ONLY, self._full_dump)
            return updated_node
        additions = self._additions
        if additions:
            # pywb's init_yaml_env_vars(): yaml.add_constructor('!envvar', ...), no Loader=
            self.refuse(
                original_node,
                RefusalKind.ADVICE_ONLY,
                f"the project adds constructors or resolvers to PyYAML's default loaders"
                f" ({additions[0]}{', ...' if len(additions) > 1 else ''}: no Loader=),"
                " which safe_load does not use: add them to yaml.SafeLoader too, then rerun",
            )
            return updated_node
        safe_name = _SAFE_VARIANT[function]
        safe = _safe_call(original_node, safe_name, loader_index)
        joined = self._joined_growth(original_node, safe) if loader_index is not None else None
        growth = joined or self._growth_of(original_node, safe)
        if joined is None and not self._growth.fits(*growth):
            self.refuse(
                original_node,
                RefusalKind.ADVICE_ONLY,
                f"{safe_name} would run past {self.project.line_length} columns or shift an "
                "aligned continuation line; rewrite the call by hand",
            )
            return updated_node
        reason = f"{function} can build arbitrary Python objects; {safe_name} cannot"
        applicability = Applicability.SAFE
        if function not in self._qualified(original_node.func):
            # ansible-navigator's `from .utils.serialize import yaml`: PyYAML, followed there
            applicability = Applicability.REVIEW
            reason += "; yaml comes from a module of the project, which re-exports PyYAML: check it"
        if not self.accept_fix(original_node, applicability, reason):
            return updated_node
        self._growth.grow(*growth)
        if loader_index is not None:
            self.remove_import_of(original_node.args[loader_index].value)
        if isinstance(original_node.func, cst.Name):
            self.remove_import_of(original_node.func)
            self.add_import("yaml", safe_name)  # beside the unsafe one it was imported with
        fixed = _safe_call(updated_node, safe_name, loader_index)
        return _on_one_line(fixed) if joined else fixed

    def _joined_growth(self, call: cst.Call, safe: cst.Call) -> tuple[int, int, int] | None:
        """(line, column, characters): ``safe`` joined on the first line of ``call``.

        For a call over several lines: with its loader gone the rest often
        fits on one (``yaml.safe_load(stream)``), and no continuation line is
        left to align. None where a comment would go, the document itself
        spans lines, or the line would be too long or move a bracket a later
        line is aligned under.
        """
        if "\n" not in code_of(call) or m.findall(call, m.Comment()):
            return None
        one_line = code_of(_on_one_line(safe))
        if "\n" in one_line:
            return None
        position = self.get_metadata(PositionProvider, call)
        start, end = position.start, position.end
        if any(self._growth.grown(line) for line in range(start.line, end.line + 1)):
            return None
        lines = self._growth.lines
        rest = lines[end.line - 1][end.column :]
        joined = lines[start.line - 1][: start.column] + one_line + rest
        if len(joined.rstrip("\r")) > self.project.line_length or opens_a_bracket(rest):
            return None
        return start.line, start.column, len(joined) - len(lines[start.line - 1])

    def _full_loader_beside(self) -> str | None:
        """``yaml.full_load()`` (or ``unsafe_load``), as written, where the function being
        visited calls it; None otherwise."""
        function = self.innermost_function()
        if function is None:
            return None
        for other in m.findall(function, m.Call()):
            if self._qualified(other.func) & _FULL_LOADING:  # type: ignore[union-attr]
                return f"{code_of(other.func)}()"  # type: ignore[union-attr]
        return None

    def _is_pyyaml(self, call: cst.Call, function: str) -> bool:
        """Is the call PyYAML's ``function``, where it names a module of the project too?
        Advice where that is not PyYAML but may load unsafely, or cannot be told; meltano's
        ``from meltano.core import yaml`` (its own ``def load(path)``) and ``from
        meltano.core.yaml import yaml`` (ruamel.yaml's ``YAML()``) are not, and get none. A
        call given a safe loader is already fixed, whatever it calls."""
        names = self._qualified(call.func)
        foreign = sorted(
            absolute_name(name, self.module_path)
            for name in names - {function}
            if name.endswith(f".{function}")
        )
        outcomes = {followed(name, self._project.exports) for name in foreign}
        if not outcomes or outcomes == {function}:
            return True
        said = code_of(call.func)
        if f"{RUAMEL}unsafe" in outcomes:
            reason = (
                f"{said} is ruamel.yaml's YAML(typ='unsafe') (from {foreign[0]}), which builds"
                " arbitrary Python objects and has no safe_load: load with YAML(typ='safe')"
                " by hand, where the documents allow"
            )
        elif function in names or not all(map(_not_pyyaml, outcomes)):
            loader = argument(call, "Loader", 1)
            safe = None if loader is None else self._safe_loader(loader.value)
            if safe is not None:  # heat's Loader=template_format.yaml_loader: whatever loads
                self._refuse_safe(call, loader.value, safe)
                return False
            reason = (
                f"{said} is {' or '.join(foreign)}, which cwemod cannot follow to PyYAML's"
                f" {function} (the project's own function, or another YAML library's?):"
                f" check it; where it is PyYAML's, use {_SAFE_VARIANT[function]} by hand"
            )
        else:
            return False  # the project's own load, or ruamel.yaml's: nothing to say
        self.refuse(call, RefusalKind.ADVICE_ONLY, reason)
        return False

    def _yaml_function(self, call: cst.Call) -> str | None:
        """``yaml.load`` or ``yaml.load_all``, also where a project module re-exports PyYAML
        (ansible-navigator's ``from .utils.serialize import yaml``)."""
        for name in sorted(self._qualified(call.func)):
            function = next((f for f in _SAFE_VARIANT if name == f or name.endswith(f".{f}")), None)
            if function is not None:
                return function
        return None

    def _qualified(self, node: cst.CSTNode) -> set[str]:
        return self._names.of(node)

    def _growth_of(self, original: cst.Call, safe: cst.Call) -> tuple[int, int, int]:
        """(line, column, characters): where the safe call lengthens a line, and by how much.

        A call on one line lengthens it by the difference, after the call;
        on several lines, its first line grows with the function's name.
        """
        if "\n" in code_of(original) or "\n" in code_of(safe):
            return self.growth_replacing(original.func, safe.func)
        return self.growth_replacing(original, safe)


def _may_name_an_unsafe_loader(node: ast.ClassDef) -> bool:
    """Does a base of the class end with the name of one of PyYAML's unsafe loaders?"""
    return any(last_name(base) in UNSAFE_LOADER_NAMES for base in node.bases)


def _whose_class(loader: cst.BaseExpression, of_the_class: bool) -> cst.Name | None:
    """``self`` of ``self.__class__`` or ``type(self)``; ``cls`` itself where ``of_the_class``
    (in a classmethod); None for anything else."""
    if of_the_class:
        return loader if isinstance(loader, cst.Name) else None
    if isinstance(loader, cst.Attribute) and loader.attr.value == "__class__":
        return loader.value if isinstance(loader.value, cst.Name) else None
    if m.matches(loader, m.Call(func=m.Name("type"), args=[m.Arg(m.Name(), keyword=None)])):
        arg = loader.args[0]  # type: ignore[attr-defined]
        return arg.value if not arg.star else None
    return None


def _not_pyyaml(outcome: str) -> bool:
    """Is what ``followed`` said the project's own load, or ruamel.yaml's (``typ`` not
    unsafe, and known)?"""
    return (
        outcome == OWN
        or outcome.startswith(RUAMEL)
        and outcome[len(RUAMEL) :]
        not in (
            "unsafe",
            "?",
        )
    )


def _safe_call(call: cst.Call, safe_name: str, loader_index: int | None) -> cst.Call:
    """``call`` with the safe function, its loader argument gone."""
    data_args = [arg for index, arg in enumerate(call.args) if index != loader_index]
    data_args[-1] = data_args[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
    func = call.func
    if isinstance(func, cst.Attribute):
        func = func.with_changes(attr=cst.Name(safe_name))
    else:  # reached through ``from yaml import load``
        func = cst.Name(safe_name)
    return call.with_changes(func=func, args=data_args)


def _on_one_line(call: cst.Call) -> cst.Call:
    """``call`` with no line break or space inside its parentheses (one argument left)."""
    args = [
        arg.with_changes(
            comma=cst.MaybeSentinel.DEFAULT, whitespace_after_arg=cst.SimpleWhitespace("")
        )
        for arg in call.args
    ]
    return call.with_changes(
        whitespace_after_func=cst.SimpleWhitespace(""),
        whitespace_before_args=cst.SimpleWhitespace(""),
        args=args,
    )


def _loader_index(call: cst.Call) -> int | None:
    loader = argument(call, "Loader", 1)
    return None if loader is None else list(call.args).index(loader)


def _plain_literal(value: cst.BaseExpression) -> bool:
    """A dict or list display of strings, numbers, booleans and None (nested too): what the
    full dumper writes with no Python tag (a tuple, a set or an object would get one)."""
    if isinstance(value, cst.Dict):
        return all(
            isinstance(element, cst.DictElement)
            and _plain_literal(element.key)
            and _plain_literal(element.value)
            for element in value.elements
        )
    if isinstance(value, cst.List):
        return all(
            isinstance(element, cst.Element) and _plain_literal(element.value)
            for element in value.elements
        )
    if isinstance(value, cst.Name):
        return value.value in ("True", "False", "None")
    if isinstance(value, cst.UnaryOperation) and isinstance(value.operator, cst.Minus):
        return isinstance(value.expression, (cst.Integer, cst.Float))
    return isinstance(value, (cst.SimpleString, cst.Integer, cst.Float)) and not (
        isinstance(value, cst.SimpleString) and "b" in value.prefix.lower()
    )
