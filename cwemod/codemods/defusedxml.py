"""stdlib XML parsers -> defusedxml's drop-in equivalents (CWE-776, CWE-611)."""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

import libcst as cst
from libcst.metadata import PositionProvider, ScopeProvider
from libcst.metadata.scope_provider import ImportAssignment

from cwemod.codemods._defusedxml_apis import (
    LXML_ADVICE,
    LXML_PARSERS,
    XMLRPC_ADVICE,
    blacklisted,
    defused_target,
)
from cwemod.codemods._defusedxml_docs import DOCS, EXAMPLE
from cwemod.codemods._defusedxml_imports import add_third_party_import, defused_spellings
from cwemod.codemods._defusedxml_libvirt import described_parameter, libvirt_description
from cwemod.codemods._defusedxml_screens import screening_call, statements_before
from cwemod.codemods.base import Codemod, nodes_of_type
from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.bindings import assigned_values
from cwemod.codemods.kit.calls import argument, called_name, has_unpacking, name_words
from cwemod.codemods.kit.growth import LineGrowth
from cwemod.codemods.kit.handlers import caught_classes
from cwemod.codemods.kit.names import QualifiedNames, dotted_expression
from cwemod.codemods.kit.parents import ParentProvider
from cwemod.codemods.kit.requirements import requires_for_module
from cwemod.codemods.kit.scanner_marks import MARKED, silenced
from cwemod.codemods.kit.source import code_of, module_code, module_lines
from cwemod.codemods.kit.syntax import nodes
from cwemod.codemods.records import Applicability, RefusalKind

_REQUIREMENT = "add defusedxml to the project's requirements"


@dataclass(frozen=True)
class _Plan:
    """What to do with one call of a stdlib parser."""

    stdlib: str  # e.g. xml.dom.minidom.parse
    defused: str  # e.g. defusedxml.minidom.parse
    access: cst.CSTNode  # the name (or dotted name) through which the call reaches its import
    spelling: str  # how the rewritten call names the defusedxml function here
    refusal: str | None = None
    kind: RefusalKind = RefusalKind.ADVICE_ONLY
    quiet: bool = False  # said only where a report points


class DefusedXml(Codemod):
    id = "defusedxml"
    title = "Parse XML with defusedxml"
    cwe = ("CWE-776", "CWE-611")
    rules = tuple(f"B{n}" for n in (*range(313, 321), *range(405, 412)))
    applicability = Applicability.REVIEW
    fixes_beyond_findings = True  # an import's finding fixes every use of the import
    leaves_tests_alone = True
    prefilter = ("xml",)
    docs = DOCS
    example = EXAMPLE

    METADATA_DEPENDENCIES = (PositionProvider, ScopeProvider, ParentProvider)

    @classmethod
    def might_change(cls, tree: ast.Module, options: Mapping[str, Any]) -> bool:
        for node in nodes(tree, (ast.Import, ast.ImportFrom)):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names = [node.module]
            else:
                continue
            if any(name.split(".")[0] in ("xml", "xmlrpc", "lxml") for name in names):
                return True
        return False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._needed: set[str] = set()

    def visit_Module(self, node: cst.Module) -> None:
        self._module_node = node
        self._names = QualifiedNames(self)
        code = module_code(node)
        self._lines = module_lines(node)
        self._growth = LineGrowth(code, self.project.line_length)
        self._spellings = defused_spellings(node)
        self._plans: dict[cst.Call, _Plan] = {}
        self._attribute_of: dict[cst.CSTNode, str] = {
            attribute.value: attribute.attr.value
            for attribute in nodes_of_type(node, cst.Attribute)
        }
        self._tries_around: dict[cst.Call, list[cst.Try]] = {}
        for attempt in nodes_of_type(node, cst.Try):
            for inner in m.findall(attempt.body, m.Call()):
                self._tries_around.setdefault(inner, []).append(attempt)
        for call in nodes_of_type(node, cst.Call):
            self._plan(call)
        rewritable = {plan.access for plan in self._plans.values() if plan.refusal is None}
        self._via_import: set[cst.CSTNode] = set()
        for statement in nodes_of_type(node, (cst.Import, cst.ImportFrom)):
            self._judge_import(statement, rewritable)

    # -- planning -------------------------------------------------------------

    def _plan(self, call: cst.Call) -> None:
        qualified = self._names.of(call.func)
        if qualified & LXML_PARSERS:  # Bandit 1.9 no longer reports lxml: only when asked
            self.note(call, RefusalKind.ADVICE_ONLY, LXML_ADVICE)
            return
        stdlib = next((name for name in sorted(qualified) if defused_target(name)), None)
        if stdlib is None:
            return
        module, function, parser_index = defused_target(stdlib)  # type: ignore[misc]
        defused = f"{module}.{function}"
        spelling = self._spellings.get(defused) or self._module_spelling(defused)
        plan = _Plan(stdlib, defused, _access_node(call.func), spelling)
        guarded = _forbidding_parser(call, parser_index, self._module_node)
        fallback_of = next((n for n in sorted(qualified) if n.startswith("defusedxml.")), None)
        if self.in_tests:
            reason = "test code parses its own data"
            plan = replace(plan, refusal=reason, kind=RefusalKind.NOT_APPLICABLE, quiet=True)
        elif fallback_of is not None:
            # insights-core: try: import defusedxml.ElementTree as ET / except: import xml...
            reason = (
                f"{code_of(call.func)} is {fallback_of} where defusedxml is installed; {stdlib}"
                " only stands in where it is not"
            )
            plan = replace(plan, refusal=reason, kind=RefusalKind.ALREADY_FIXED)
        elif (root := _literal_root(call, self._last_value)) is not None:
            # docutils' odf_odt writer: ET.fromstring('<stuff %s>%s</stuff>' % (...))
            reason = (
                f"the document begins with the code's own element <{root}>: it can declare no"
                " entity, since a DOCTYPE may only come before the first element"
            )
            plan = replace(plan, refusal=reason, kind=RefusalKind.NOT_APPLICABLE)
        elif self._serialized_by_elementtree(call):
            # dnsrecon's prettify(): minidom.parseString(ElementTree.tostring(elem))
            reason = (
                "parses what ElementTree.tostring() wrote from an element: the standard"
                " library's serializer writes no DOCTYPE, so the text declares no entity"
            )
            plan = replace(plan, refusal=reason, kind=RefusalKind.NOT_APPLICABLE)
        elif self._from_libvirt(call):
            # virtualbmc's ET.fromstring(domain.XMLDesc())
            reason = (
                "parses XML the libvirt API wrote (an XMLDesc() of the daemon's): libvirt"
                " writes no DOCTYPE, so the text declares no entity"
            )
            plan = replace(plan, refusal=reason, kind=RefusalKind.NOT_APPLICABLE)
        elif guarded is not None:
            reason = (
                f"the parser passed is {guarded}, a class of this module whose handlers"
                " refuse DTDs and entities"
            )
            plan = replace(plan, refusal=reason, kind=RefusalKind.ALREADY_FIXED)
        elif (screened := self._screened(call)) is not None:
            kind = RefusalKind.ALREADY_FIXED  # django-filer's svg.py: dependency-free on purpose
            plan = replace(plan, refusal=screened, kind=kind, quiet=True)
        else:
            refusal = (
                _shape_refusal(call, function, parser_index)
                or _text_refusal(call, defused, self._last_value)
                or self._site_refusal(call, spelling)
            )
            plan = replace(plan, refusal=refusal)
        self._plans[call] = plan

    def _screened(self, call: cst.Call) -> str | None:
        """Why the document is screened already, where a call of a function of the module
        that raises from an expat handler of entities, given the same name, runs before the
        parse whenever it does, and the name is not bound again in between."""
        text = call.args[0] if call.args else None
        if text is None or text.keyword is not None or not isinstance(text.value, cst.Name):
            return None
        name = text.value
        for statement, holder in statements_before(call, self.parent_of):
            function, handler = screening_call(statement, name.value, self._module_node)
            if not function:
                continue
            after, through = self.lines_of(statement)[1], self.lines_of(holder)[1]
            if self._bound_between(name, after, through, self.lines_of(call)[0]):
                return None
            return f"{name.value} is screened by {function}(), whose expat {handler} raises"
        return None

    def _bound_between(self, name: cst.Name, after: int, through: int, parsed: int) -> bool:
        """Is ``name`` bound on a line after ``after`` through ``through`` (a loop around
        the parse too), other than the parse's own line (``root = ET.fromstring(text)``)?"""
        scope = self.get_metadata(ScopeProvider, name, None)
        if scope is None:
            return True
        lines = [
            self.lines_of(binding.node)[0]
            for binding in scope.assignments[name.value]
            if isinstance(binding.node, cst.CSTNode)
        ]
        return any(after < line <= through and line != parsed for line in lines)

    def _serialized_by_elementtree(self, call: cst.Call) -> bool:
        """Is the parsed text ``xml.etree.ElementTree.tostring()``'s, directly or through the
        name it was last bound to?"""
        if not call.args or call.args[0].keyword is not None:
            return False
        text: cst.BaseExpression | None = call.args[0].value
        if isinstance(text, cst.Name):
            text = self._last_value(text, text)
        if m.matches(text, m.Attribute(value=m.Name("self"))):
            # cyclonedx's self._bom_xml = '<?xml version="1.0" ?>\n' + xml_dumps(...)
            values = self._self_text_values(call, text.attr.value)  # type: ignore[union-attr]
            return bool(values) and all(map(self._written_by_elementtree, values))
        return text is not None and self._written_by_elementtree(text, literal=False)

    def _from_libvirt(self, call: cst.Call) -> bool:
        """Is the parsed text what a libvirt object's ``XMLDesc()`` returned, directly, through
        a function of the module, or through the name it was last bound to?"""
        if not call.args or call.args[0].keyword is not None:
            return False
        text: cst.BaseExpression | None = call.args[0].value
        if isinstance(text, cst.Name):
            param = self._parameter(text)
            if param is not None:  # sushy-tools' _process_bios_attributes(domain_xml, ...)
                return described_parameter(*param, self._module_node)
            text = self._last_value(text, text)
        return libvirt_description(text, self._module_node)

    def _parameter(self, name: cst.Name) -> tuple[cst.Param, cst.FunctionDef] | None:
        """The parameter ``name`` reads and its function, where that is its only binding."""
        scope = self.get_metadata(ScopeProvider, name, None)
        bindings = list(scope.assignments[name.value]) if scope is not None else []
        param = bindings[0].node if len(bindings) == 1 else None
        if not isinstance(param, cst.Param):
            return None
        function = self.parent_of(self.parent_of(param))  # type: ignore[arg-type]
        return (param, function) if isinstance(function, cst.FunctionDef) else None

    def _written_by_elementtree(self, text: cst.BaseExpression, literal: bool = True) -> bool:
        """A call of ``ElementTree.tostring()``, where a literal XML declaration may come
        first; with ``literal``, a string literal of no DOCTYPE too (``self._xml = ''``)."""
        if isinstance(text, cst.BinaryOperation) and isinstance(text.operator, cst.Add):
            prolog = text.left.evaluated_value if isinstance(text.left, cst.SimpleString) else None
            if not isinstance(prolog, str) or not _XML_DECLARATION.fullmatch(prolog):
                return False
            text = text.right
        if literal and isinstance(text, cst.SimpleString):
            return "<!" not in str(text.evaluated_value)
        return isinstance(text, cst.Call) and bool(self._names.of(text.func) & _ELEMENTTREE_WRITERS)

    def _self_text_values(self, call: cst.Call, attribute: str) -> list[cst.BaseExpression]:
        """What the class around ``call`` binds ``self.<attribute>`` to (``self.x = value``
        or ``self.x: T = value``); nothing where it is bound another way, or where the
        module names the attribute outside that class too."""
        classes = nodes_of_type(self._module_node, cst.ClassDef)
        owner = next((c for c in reversed(classes) if call in m.findall(c, m.Call())), None)
        named = m.Attribute(attr=m.Name(attribute))
        if owner is None or len(m.findall(owner, named)) != len(
            m.findall(self._module_node, named)
        ):
            return []
        this = m.Attribute(value=m.Name("self"), attr=m.Name(attribute))
        values = []
        for assign in nodes_of_type(owner, (cst.Assign, cst.AugAssign, cst.AnnAssign)):
            whole = [t.target for t in assign.targets] if isinstance(assign, cst.Assign) else []
            targets = whole or [assign.target]  # type: ignore[union-attr]
            if not any(m.findall(target, this) for target in targets):
                continue
            if len(targets) != 1 or not m.matches(targets[0], this) or assign.value is None:
                return []  # bound with others at once, unpacked into, or only annotated
            if isinstance(assign, cst.AugAssign):
                return []
            values.append(assign.value)
        return values

    def _last_value(self, name: cst.Name, at: cst.CSTNode) -> cst.BaseExpression | None:
        """The value of the last ``name = value`` before ``at`` in its scope, if that is
        how the name was last bound there (not a parameter, loop or import)."""
        scope = self.get_metadata(ScopeProvider, name, None)
        if scope is None:
            return None
        line = self.lines_of(at)[0]
        earlier = [
            (self.lines_of(binding.node)[0], binding.node)
            for binding in scope.assignments[name.value]
            if isinstance(binding.node, cst.CSTNode) and self.lines_of(binding.node)[0] < line
        ]
        if not earlier:
            return None
        last = max(earlier, key=lambda found: found[0])[1]
        return assigned_values(self._module_node).get(last)

    def _site_refusal(self, call: cst.Call, spelling: str) -> str | None:
        first = self.lines_of(call)[0]
        if silenced(self._lines, first, first, self.rules):
            return f"{MARKED}: someone accepted this parser by hand"
        caught = self._xml_errors_caught_alone(call)
        missing = self._missing_requirement()
        if caught is not None:
            # pre-commit-hooks' check-xml: except xml.sax.SAXException, then the next file
            handler = (
                f"the try around it catches {caught}, and defusedxml raises its refusals"
                " (EntitiesForbidden, a ValueError) instead: catch"
                " defusedxml.DefusedXmlException there too"
            )
            # afew's filter: both blockers at once, so that fixing one does not hide the other
            return f"{handler}; and {missing}" if missing else f"{handler}, then rewrite the call"
        if missing is not None:
            return missing
        if not self._fits(call.func, spelling):
            limit = self.project.line_length
            return (
                f"{spelling}(...) would not fit in {limit} columns or would shift an aligned "
                "continuation line; rewrite it by hand"
            )
        return None

    def _missing_requirement(self) -> str | None:
        """Why defusedxml would fail to import here, and the advice; None where it would not."""
        if not self._undeclared_dependency():
            return None
        if _inline_script_metadata(module_code(self._module_node)) is not None:
            # cibuildwheel's bin/ scripts, run with `uv run --script`
            return (
                "defusedxml is not in this script's inline metadata (its `# /// script`"
                " dependencies), so it would fail to import: add it there, then rerun"
            )
        return (
            "defusedxml is not in the project's requirements (nor in a requirements.txt"
            " above the module), so it would fail to import: add it there, then rerun"
        )

    def _xml_errors_caught_alone(self, call: cst.Call) -> str | None:
        """What the ``try`` statements around ``call`` catch, where they catch the XML
        parser's errors and nothing a refusal of defusedxml's is (a ValueError)."""
        caught: list[str] = []
        for attempt in self._tries_around.get(call, []):
            for handler in attempt.handlers:
                classes = caught_classes(handler)
                names = [code_of(c).rpartition(".")[2] for c in classes]
                if not classes or set(names) & _CATCH_A_REFUSAL:
                    return None
                caught += names
        found = [name for name in dict.fromkeys(caught) if name in _XML_ERRORS]
        return " and ".join(found) if found else None

    def _undeclared_dependency(self) -> bool:
        """Would the fix add a dependency the installed project does not declare? A script
        with inline metadata (PEP 723) declares its own."""
        if self._spellings:  # the module imports defusedxml already
            return False
        inline = _inline_script_metadata(module_code(self._module_node))
        if inline is not None:
            return re.search(r"""["']defusedxml\b""", inline) is None
        return requires_for_module(self.project.root, self.module_path, "defusedxml") is False

    def _requirement(self, joint: str) -> str:
        """``joint`` and the advice to add defusedxml to the project's requirements, where
        nothing declares it yet (trytond's pyproject.toml lists it): else nothing."""
        if self._spellings or _inline_script_metadata(module_code(self._module_node)):
            return ""  # imported already, or the script's own metadata lists it (else refused)
        declared = requires_for_module(self.project.root, self.module_path, "defusedxml")
        return "" if declared else f"{joint}{_REQUIREMENT}"

    def _judge_import(self, statement: cst.Import | cst.ImportFrom, rewritable: set) -> None:
        names = _imported_dotted_names(statement)
        if any(name.startswith("xmlrpc") for name in names):
            self.note(statement, RefusalKind.ADVICE_ONLY, XMLRPC_ADVICE)
        elif any(name.startswith("lxml") for name in names):
            self.note(statement, RefusalKind.ADVICE_ONLY, LXML_ADVICE)
        elif any(blacklisted(name) for name in names) and self.asked_about(statement):
            self._answer_import_finding(statement, rewritable)

    def _answer_import_finding(self, statement: cst.CSTNode, rewritable: set) -> None:
        """A report points at the import itself: it goes only if every use of it is rewritten."""
        uses = self._uses_of(statement)
        others = sorted({self._describe(use) for use in uses if use not in rewritable})
        if uses and not others:
            reason = "every use parses XML and moves to defusedxml" + self._requirement("; ")
            if self.accept_fix(statement, Applicability.REVIEW, reason):
                self._via_import.update(uses)
            return
        refused = [p for p in self._plans.values() if p.access in uses and p.refusal is not None]
        kind = refused[0].kind if refused else RefusalKind.NOT_APPLICABLE
        if refused:
            reason = refused[0].refusal
        elif others and len(others) < len(uses):
            reason = f"still used for {', '.join(others)}: the import stays"
        else:
            reason = f"parses no XML here (used for {', '.join(others) or 'nothing'})"
        self.refuse(statement, kind, f"{reason}; Bandit reports the import itself")

    def _uses_of(self, statement: cst.CSTNode) -> set[cst.CSTNode]:
        scope = self.get_metadata(ScopeProvider, statement, None)
        if scope is None:
            return set()
        return {
            reference.node
            for assignment in scope.assignments
            if isinstance(assignment, ImportAssignment) and assignment.node is statement
            for reference in assignment.references
        }

    def _describe(self, use: cst.CSTNode) -> str:
        attribute = self._attribute_of.get(use)
        return f"{code_of(use)}.{attribute}" if attribute else code_of(use)

    # -- rewriting ------------------------------------------------------------

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        plan = self._plans.get(original_node)
        if plan is None:
            return updated_node
        if plan.refusal is not None:
            say = self.note if plan.quiet else self.refuse
            say(original_node, plan.kind, plan.refusal)
            return updated_node
        spelling = plan.spelling
        reason = (
            f"{plan.stdlib} expands entities; {plan.defused} refuses them (it raises "
            "EntitiesForbidden, a ValueError): check the error handling"
        ) + self._requirement(" and ")
        if plan.access not in self._via_import and not self.permits(
            original_node, Applicability.REVIEW, reason
        ):
            return updated_node
        self.record_fix(original_node, Applicability.REVIEW, reason)
        if spelling.startswith("defusedxml.") and plan.defused.rpartition(".")[0] not in (
            self._spellings
        ):
            self._needed.add(plan.defused.rpartition(".")[0])
        self.remove_import_of(original_node.func)
        return updated_node.with_changes(func=dotted_expression(spelling))

    def _module_spelling(self, defused: str) -> str:
        module, _, function = defused.rpartition(".")
        return f"{self._spellings.get(module, module)}.{function}"

    def _fits(self, func: cst.BaseExpression, spelling: str) -> bool:
        """Does the function's new name fit its line, and the lines aligned after it?

        Asked as each call is planned, in the order of the source: the name
        is counted in its line at once, for the next call on that line (an
        over-count when the fix is not made, which only refuses more).
        """
        growth = self.growth_replacing(func, spelling)
        if not self._growth.fits(*growth):
            return False
        self._growth.grow(*growth)
        return True

    def transform_module(self, tree: cst.Module) -> cst.Module:
        # The import goes in once the stdlib imports left unused are gone, so that
        # a stdlib group that disappears leaves no blank line behind.
        transformed = super().transform_module(tree)
        path = self.module_path
        local = frozenset(path.split("/")[:1]) if "/" in path else frozenset()
        for name in sorted(self._needed):
            transformed = add_third_party_import(transformed, name, local)
        if _blank_after_header(transformed) and not _blank_after_header(tree):
            first = transformed.body[0].with_changes(leading_lines=())
            transformed = transformed.with_changes(body=[first, *transformed.body[1:]])
        return transformed


def _blank_after_header(module: cst.Module) -> bool:
    """Does a blank line start the first statement, after the header's own blank line or none?

    What removing a whole first group of imports leaves behind.
    """
    if not module.body or (module.header and module.header[-1].comment is not None):
        return False
    leading = module.body[0].leading_lines
    return bool(leading) and leading[0].comment is None


def _access_node(func: cst.BaseExpression) -> cst.CSTNode:
    """The node scope analysis records as the use of the import (``ET`` in ``ET.parse``)."""
    return func.value if isinstance(func, cst.Attribute) else func


# The expat handlers (as methods of an xml.sax ExpatParser, or handler attributes of a
# pyexpat parser) that see a DTD or an entity declaration.
_ENTITY_HANDLERS = frozenset(
    {
        "start_doctype_decl", "entity_decl", "unparsed_entity_decl", "external_entity_ref",
        "StartDoctypeDeclHandler", "EntityDeclHandler", "ExternalEntityRefHandler",
    }
)  # fmt: skip


def _forbidding_parser(call: cst.Call, parser_index: int | None, module: cst.Module) -> str | None:
    """The name of the parser class ``call`` is given, where this module defines it with an
    entity or DTD handler that raises (trove's ``ProtectedExpatParser``); else None."""
    given = argument(call, "parser", parser_index) if parser_index is not None else None
    if given is None or not m.matches(given.value, m.Call(func=m.Name())):
        return None
    name = given.value.func.value  # type: ignore[attr-defined]
    for statement in module.body:
        if isinstance(statement, cst.ClassDef) and statement.name.value == name:
            methods = [s for s in statement.body.body if isinstance(s, cst.FunctionDef)]
            if any(
                method.name.value in _ENTITY_HANDLERS and m.findall(method, m.Raise())
                for method in methods
            ):
                return name
    return None


def _shape_refusal(call: cst.Call, function: str, parser_index: int | None) -> str | None:
    if has_unpacking(call):
        return "*args/**kwargs may pass a parser, which defusedxml would use as it is"
    if parser_index is not None and argument(call, "parser", parser_index) is not None:
        return "passes its own parser, which defusedxml would use as it is: defuse that parser"
    if function == "make_parser" and call.args:
        return "defusedxml's make_parser ignores parser_list: choose the parser by hand"
    return None


def _text_refusal(
    call: cst.Call,
    defused: str,
    last_value: Callable[[cst.Name, cst.CSTNode], cst.BaseExpression | None],
) -> str | None:
    """defusedxml.sax.parseString reads bytes only, where the stdlib's takes str too."""
    if defused != "defusedxml.sax.parseString" or not call.args:
        return None
    document = call.args[0].value
    if isinstance(document, cst.Name):  # pywbem's xml_string = _ensure_bytes(xml_string)
        value = last_value(document, call)
        document = document if value is None else value
    if _is_bytes(document):
        return None
    return (
        "defusedxml.sax.parseString takes bytes only (the stdlib's takes str too) and "
        f"{code_of(document)} may be str: encode it, or check the encoding its prolog declares"
    )


_STEPS = 8  # how far a document's text is followed back
# A script's inline metadata (PEP 723): ``# /// script`` to ``# ///``.
_INLINE_SCRIPT_METADATA = re.compile(r"^# /// script\s*$(.*?)^# ///\s*$", re.MULTILINE | re.DOTALL)


def _inline_script_metadata(text: str) -> str | None:
    """The text of the module's ``# /// script`` block, if it has one."""
    found = _INLINE_SCRIPT_METADATA.search(text)
    return None if found is None else found[1]


# The standard library's serializers of an element: what they write holds no DOCTYPE (lxml's
# tostring() of a tree writes its document's DOCTYPE, internal subset and all).
_ELEMENTTREE_WRITERS = frozenset(
    f"xml.etree.{module}.{function}"
    for module in ("ElementTree", "cElementTree")
    for function in ("tostring", "tostringlist")
)


# The XML declaration a module may write before what the serializer gives.
_XML_DECLARATION = re.compile(r"\s*<\?xml[^<>]*\?>\s*")


# The errors the standard library's XML parsers raise for a document they cannot read, and
# what catches defusedxml's refusals too (``DefusedXmlException`` is a ``ValueError``).
_XML_ERRORS = frozenset({"SAXException", "SAXParseException", "ParseError", "ExpatError"})
_CATCH_A_REFUSAL = frozenset(
    {"Exception", "BaseException", "ValueError", "DefusedXmlException", "EntitiesForbidden",
     "DTDForbidden", "ExternalReferenceForbidden"}
)  # fmt: skip


def _literal_root(
    call: cst.Call, last_value: Callable[[cst.Name, cst.CSTNode], cst.BaseExpression | None]
) -> str | None:
    """The element a parsed document's text starts with, written in the code (``'<stuff
    %s>...' % x``, ``'<root>' + body``), if it does: through the names it was last bound
    to and their ``.encode()`` (docutils' ``contentstr = contentstr.encode("utf-8")``)."""
    if not call.args or call.args[0].keyword is not None:
        return None
    node: cst.BaseExpression | None = call.args[0].value
    for _ in range(_STEPS):
        if isinstance(node, cst.BinaryOperation) and isinstance(
            node.operator, (cst.Add, cst.Modulo)
        ):
            node = node.left
        elif m.matches(node, m.Call(func=m.Attribute(attr=m.Name("format") | m.Name("encode")))):
            node = node.func.value  # type: ignore[union-attr]
        elif isinstance(node, cst.Name):
            node = last_value(node, node)
        else:
            break
    text = node.evaluated_value if isinstance(node, cst.SimpleString) else None
    if isinstance(node, cst.FormattedString) and node.parts:
        first = node.parts[0]
        text = first.value if isinstance(first, cst.FormattedStringText) else None
    if isinstance(text, bytes):
        text = text.decode("latin-1")
    found = re.match(r"\s*<([A-Za-z_][\w.:-]*)", text) if isinstance(text, str) else None
    return found[1] if found else None


def _is_bytes(node: cst.BaseExpression) -> bool:
    """A bytes literal, a ``.encode(...)`` call, or a call named for bytes
    (``_ensure_bytes(x)``, ``to_bytes(x)``)."""
    if isinstance(node, cst.SimpleString):
        return "b" in node.prefix.lower()
    if isinstance(node, cst.ConcatenatedString):
        return _is_bytes(node.left)
    if not isinstance(node, cst.Call):
        return False
    return called_name(node) == "encode" or "bytes" in name_words(called_name(node) or "")


def _imported_dotted_names(statement: cst.Import | cst.ImportFrom) -> list[str]:
    """The dotted names Bandit checks: ``import a.b`` -> a.b, ``from a import b`` -> a.b."""
    if isinstance(statement, cst.Import):
        return [code_of(alias.name) for alias in statement.names]
    if (
        statement.relative
        or statement.module is None
        or isinstance(statement.names, cst.ImportStar)
    ):
        return []
    module = code_of(statement.module)
    return [f"{module}.{code_of(alias.name)}" for alias in statement.names]
