"""``TarFile.extractall()`` without a filter -> ``filter='data'`` (CWE-22)."""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Mapping
from typing import Any

import libcst as cst
from libcst.metadata import PositionProvider, ScopeProvider

from cwemod.codemods._tar_args import ArgumentAppender
from cwemod.codemods._tar_docs import DOCS, EXAMPLE
from cwemod.codemods.base import Codemod, nodes_of_type
from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.bindings import Bindings
from cwemod.codemods.kit.calls import (
    argument,
    keyword_arg,
    keyword_argument,
    name_words,
    named_parameters,
)
from cwemod.codemods.kit.growth import LineGrowth
from cwemod.codemods.kit.handlers import calls_in_fallbacks
from cwemod.codemods.kit.imports import imported_names
from cwemod.codemods.kit.names import QualifiedNames
from cwemod.codemods.kit.parents import ParentProvider, enclosing_function, statement_in_block
from cwemod.codemods.kit.quotes import SINGLE, prevailing_quote, string_literal
from cwemod.codemods.kit.source import code_of, module_code
from cwemod.codemods.kit.syntax import nodes
from cwemod.codemods.kit.text import has_name
from cwemod.codemods.records import Applicability, RefusalKind

_METHODS = ("extractall", "extract")
_OPENERS = frozenset(
    {"tarfile.open", "tarfile.TarFile"}
    | {f"tarfile.TarFile.{name}" for name in ("open", "taropen", "gzopen", "bz2open", "xzopen")}
)
# Archives whose extract methods take no filter=, by their opener: what each is called.
_OTHER_ARCHIVES = {"zipfile.ZipFile": "ZipFile", "py7zr.SevenZipFile": "7z archive (py7zr)"}
# "inspired by Python 3.12's tarfile data filtering logic": esphome's own member checks.
_OWN_DATA_FILTER = re.compile(r"\bdata[ -]filter", re.IGNORECASE)
_REASON = (
    "extracts what the archive says (absolute paths, ../, links out, devices); the data "
    "filter refuses them: check that the archives need none, that the project's Python "
    "has filter= (3.12, or 3.8.17/3.9.17/3.10.12/3.11.4), and tests asserting the call"
)


# Methods a TarFile has and a ZipFile has not.
_TARFILE_ONLY_METHODS = frozenset(
    {"getmembers", "getmember", "getnames", "extractfile", "addfile", "gettarinfo"}
)


class TarExtractFilter(Codemod):
    id = "tar-extract-filter"
    title = "Extract tar archives with the data filter"
    cwe = ("CWE-22",)
    rules = ("B202",)
    applicability = Applicability.REVIEW
    prefilter = ("extract",)
    docs = DOCS
    example = EXAMPLE

    METADATA_DEPENDENCIES = (PositionProvider, ScopeProvider, ParentProvider)

    @classmethod
    def may_have_candidates(cls, source: str, options: Mapping[str, Any]) -> bool:
        """:meth:`might_change` asks for an import of ``tarfile`` and an ``extract`` method's name.

        Both are whole words in the source.
        """
        return has_name(source, ("tarfile",)) and has_name(source, _METHODS)

    @classmethod
    def might_change(cls, tree: ast.Module, options: Mapping[str, Any]) -> bool:
        imports_tarfile = False
        extracts = False
        for node in nodes(tree, (ast.Import, ast.ImportFrom, ast.Attribute)):
            if isinstance(node, ast.Import):
                imports_tarfile |= any(a.name.split(".")[0] == "tarfile" for a in node.names)
            elif isinstance(node, ast.ImportFrom):
                imports_tarfile |= (node.module or "").split(".")[0] == "tarfile"
            elif isinstance(node, ast.Attribute):
                extracts |= node.attr in _METHODS
        return imports_tarfile and extracts

    def visit_Module(self, node: cst.Module) -> None:
        self._names = QualifiedNames(self)
        self._appender = ArgumentAppender(
            self, LineGrowth(module_code(node), self.project.line_length)
        )
        self._quote = prevailing_quote(node, SINGLE)
        self._bindings = Bindings(self, node)
        # receiver name -> (its node, the value) of each ``name.extraction_filter = value``
        self._filter_set: dict[str, list[tuple[cst.Name, cst.BaseExpression]]] = {}
        self._class_filter_set = False  # ``tarfile.TarFile.extraction_filter = ...``
        self._feature_tested = _calls_under_filter_test(node)
        for assign in nodes_of_type(node, cst.Assign):
            for target in assign.targets:
                self._note_filter_setting(target.target, assign.value)
        self._writes_tar = _first_tar_write(self, node, self._names)
        self._module = node
        self._imports_tarfile = any(
            bound.split(".")[0] == "tarfile"
            for statement in nodes_of_type(node, (cst.Import, cst.ImportFrom))
            for bound in imported_names(statement).values()
        )

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        func = original_node.func
        if not (isinstance(func, cst.Attribute) and func.attr.value in _METHODS):
            return updated_node
        method = func.attr.value
        if f"tarfile.{method}" in self._names.of(func):
            reason = f"the tarfile module has no {method}(): the call fails before extracting"
            self.refuse(original_node, RefusalKind.ADVICE_ONLY, reason)
            return updated_node
        # A filter= given says the receiver is a TarFile: zipfile takes none.
        if keyword_arg(original_node, "filter") is None:
            if original_node in self._feature_tested:  # whatever the receiver (ansible's)
                self.refuse(original_node, RefusalKind.ALREADY_FIXED, _FEATURE_TESTED)
                return updated_node
            if not self._is_tarfile(func.value):
                self._unknown_receiver(original_node, method)
                return updated_node
        if self._unpacks_tested_filter(original_node):
            # flit's kw = {'filter': 'data'} if hasattr(tarfile, 'data_filter') else {}
            self.refuse(original_node, RefusalKind.ALREADY_FIXED, _FEATURE_TESTED)
            return updated_node
        refusal = _refusal(original_node, self._unused_false_parameter) or self._filter_chosen(
            func.value
        )
        if refusal is not None:
            # hatch's tests pass **helpers.tarfile_extraction_compat_options(): only where asked
            record = self.note if self.in_tests else self.refuse
            record(original_node, *refusal)
            return updated_node
        if self.in_tests:
            self.note(original_node, RefusalKind.NOT_APPLICABLE, "test code extracts its own data")
            return updated_node
        if self._filters_members_itself(original_node):
            self.refuse(original_node, RefusalKind.ALREADY_FIXED, _OWN_MEMBER_CHECKS)
            return updated_node
        if self._checks_members_as_commented(original_node):
            self.refuse(original_node, RefusalKind.ALREADY_FIXED, _COMMENTED_MEMBER_CHECKS)
            return updated_node
        # Before any advice that offers filter='tar': the project's oldest Python has none.
        if self.refuse_before_python(
            original_node,
            _FILTER_CAME,
            f"{_NO_FILTER}: check each member's name and type by hand there",
        ):
            return updated_node
        tar_filter = self._tar_filter_reason(original_node)
        if tar_filter is not None:
            self.refuse(original_node, RefusalKind.ADVICE_ONLY, tar_filter)
            return updated_node
        new_arg = keyword_argument("filter", string_literal("data", self._quote))
        args = self._appender.with_argument(original_node, updated_node.args, new_arg)
        if args is None:
            reason = (
                f"filter='data' would not fit in {self.project.line_length} columns "
                "or would shift an aligned continuation line"
            )
            self.refuse(original_node, RefusalKind.ADVICE_ONLY, f"{reason}; add it by hand")
            return updated_node
        reason = f"{method}() {_REASON}"
        if not self.accept_fix(original_node, Applicability.REVIEW, reason):
            return updated_node
        self._appender.commit()
        return updated_node.with_changes(args=args)

    def _unpacks_tested_filter(self, call: cst.Call) -> bool:
        """``**kw`` where ``kw`` is only ever bound to a choice made by a test for the
        filter (``{'filter': 'data'} if hasattr(tarfile, 'data_filter') else {}``)."""
        unpacked = [arg.value for arg in call.args if arg.star == "**"]
        if len(unpacked) != 1 or not isinstance(unpacked[0], cst.Name):
            return False
        values = self._bindings.of(unpacked[0])
        if values and all(
            isinstance(value, cst.IfExp) and _tests_for_the_filter(value.test)
            for value in values  # type: ignore[union-attr]
        ):
            return True
        # ChatterBot's kw = {}, then `if hasattr(tarfile, 'data_filter'): kw['filter'] = 'data'`
        function = enclosing_function(call, self.parent_of)
        return (
            bool(values)
            and all(isinstance(value, cst.Dict) and not value.elements for value in values)
            and function is not None
            and _sets_the_filter_under_a_test(function, unpacked[0].value)
        )

    def _filters_members_itself(self, call: cst.Call) -> bool:
        """Does the function filter members itself, after tarfile's data filter, as its
        docstring says (esphome's ``_tar_extract_all``)?"""
        function = enclosing_function(call, self.parent_of)
        return function is not None and bool(
            _OWN_DATA_FILTER.search(function.get_docstring() or "")
        )

    def _checks_members_as_commented(self, call: cst.Call) -> bool:
        """Does a comment in the call's block, up to its statement, name tarfile's filter
        argument, and a call before it in the block take the archive (chalice's
        ``self._validate_safe_extract(tar, unpack_dir)`` under "In Python 3.12+, there's a
        `filter` arg ... To support older versions of Python we handle this ourselves")?"""
        receiver = call.func.value  # type: ignore[attr-defined]
        found = statement_in_block(call, self.parent_of)
        if not isinstance(receiver, cst.Name) or found is None:
            return False
        block, index = found
        statements = list(block.body[: index + 1])
        header = [block.header.comment] if isinstance(block, cst.IndentedBlock) else []
        comments = header + [
            line.comment for statement in statements for line in statement.leading_lines
        ]
        if not any(c is not None and _NAMES_THE_FILTER.search(c.value) for c in comments):
            return False
        archive = m.Name(receiver.value)
        return any(
            m.matches(arg.value, archive)
            for earlier in statements[:-1]
            for checking in nodes_of_type(earlier, cst.Call)
            for arg in checking.args
        )

    def _tar_filter_reason(self, call: cst.Call) -> str | None:
        """Why filter='tar' may be the one to choose: the function checks the archive against
        a digest first (snakemake's own sources, uploaded and fetched back), the module writes
        the archives it reads (barman's backups: PGDATA at 0700, links to /dev/null), or
        unpacks system trees."""
        checked = self._digest_checked_at(call)
        if checked is not None:
            return (
                f"the archive is checked against a digest first (line {checked}): an expected"
                " archive, such as one the project wrote itself, whose links out of the"
                " destination and absolute links the data filter would now refuse: choose by"
                " hand, filter='data' if it needs none, filter='tar' (keeps links, refuses"
                " paths outside the destination) or filter='fully_trusted' (today's"
                " extraction); Python 3.14 makes 'data' the default"
            )
        if self._writes_tar is not None:
            return (
                f"the module writes tar archives too (line {self._writes_tar}): reading its"
                " own back (a backup), the data filter would reset directory modes and refuse"
                " absolute links it stored; filter='tar' keeps them and still refuses paths"
                " outside the destination: choose by hand"
            )
        system = self._system_tree_word()
        if system is not None:
            # avocado's dpkg backend: Debian policy wants absolute links between top-level
            # directories, which the data filter refuses (AbsoluteLinkError).
            return (
                f"`{system}` in the module's path says it unpacks system packages or trees,"
                " whose absolute links and set-uid files the data filter refuses or strips:"
                " filter='tar' keeps them and still refuses paths outside the destination"
            )
        return None

    def _digest_checked_at(self, call: cst.Call) -> int | None:
        """The line of the first digest check in the function around ``call``, before it:
        ``==`` or ``!=`` with a ``hexdigest()`` or ``digest()`` (or a name bound only to
        one), or ``hmac.compare_digest()``."""
        function = enclosing_function(call, self.parent_of)
        if function is None:
            return None
        line = self.lines_of(call)[0]
        for node in nodes_of_type(function, (cst.Comparison, cst.Call)):
            if self.lines_of(node)[0] < line and self._checks_a_digest(node):
                return self.lines_of(node)[0]
        return None

    def _checks_a_digest(self, node: cst.Comparison | cst.Call) -> bool:
        if isinstance(node, cst.Call):
            return bool(self._names.of(node.func) & _COMPARE_DIGEST)
        if not all(isinstance(t.operator, (cst.Equal, cst.NotEqual)) for t in node.comparisons):
            return False
        operands = [node.left, *(target.comparator for target in node.comparisons)]
        for operand in operands:
            values = self._bindings.of(operand) if isinstance(operand, cst.Name) else [operand]
            if values and all(m.matches(value, _DIGEST_CALL) for value in values):
                return True
        return False

    def _system_tree_word(self) -> str | None:
        """The word of the module's path that says it unpacks OS packages or root trees."""
        return next((w for w in name_words(self.module_path) if w in _SYSTEM_TREE_WORDS), None)

    def _note_filter_setting(self, target: cst.BaseExpression, value: cst.BaseExpression) -> None:
        if not (isinstance(target, cst.Attribute) and target.attr.value == "extraction_filter"):
            return
        if isinstance(target.value, cst.Name):
            self._filter_set.setdefault(target.value.value, []).append((target.value, value))
        elif "tarfile.TarFile" in self._names.of(target.value):
            self._class_filter_set = True

    def _filter_chosen(self, receiver: cst.BaseExpression) -> tuple[RefusalKind, str] | None:
        """Why the archive's ``extraction_filter`` already decides; None: nothing sets it.

        conan sets ``the_tar.extraction_filter`` (its users' choice, or fully
        trusted on purpose), which a ``filter=`` argument would override.
        """
        if self._class_filter_set:
            return RefusalKind.ADVICE_ONLY, _FILTER_SET.format("tarfile.TarFile")
        if not isinstance(receiver, cst.Name):
            return None
        scope = self.get_metadata(ScopeProvider, receiver, None)
        for name, value in self._filter_set.get(receiver.value, ()):
            if self.get_metadata(ScopeProvider, name, None) is scope:
                if "tarfile.data_filter" in self._names.of(value):
                    return RefusalKind.ALREADY_FIXED, "already extracts with the data filter"
                return RefusalKind.ADVICE_ONLY, _FILTER_SET.format(receiver.value)
        return None

    def _unused_false_parameter(self, value: cst.BaseExpression) -> bool:
        """Is ``value`` a parameter of the private function around it, defaulting to False,
        not rebound there, that no call in the module passes (pyroma's
        ``_safe_extract_tar(tar, path=".", members=None, numeric_owner=False)``, called as
        ``_safe_extract_tar(tar_file, path=tempdir)``)? It is False then.

        Private: named ``_...``, or defined in another function's body (pulpcore's
        ``safe_extract`` inside ``pulp_import()``), which nothing outside can call."""
        function = enclosing_function(value, self.parent_of)
        if not isinstance(value, cst.Name) or function is None or function.decorators:
            return False
        params = function.params
        param = next((p for p in named_parameters(params) if p.name.value == value.value), None)
        scope = self.get_metadata(ScopeProvider, value, None)
        if (
            param is None
            or not m.matches(param.default, m.Name("False"))
            or not self._is_private(function)
            or scope is None
            or len(scope.assignments[value.value]) != 1  # the parameter alone binds it
        ):
            return False
        positional = [*params.posonly_params, *params.params]
        index = positional.index(param) if param in positional else None
        if index is not None and self._in_a_class(function):
            index -= 1  # self.method(...) passes self before the first argument written
        return not _passed_by_a_call(self._module, function, value.value, index, self.parent_of)

    def _is_private(self, function: cst.FunctionDef) -> bool:
        """Named ``_...``, or a function's own: the nearest definition around it a function."""
        if function.name.value.startswith("_"):
            return True
        around = self.parent_of(function)
        while around is not None and not isinstance(around, (cst.FunctionDef, cst.ClassDef)):
            around = self.parent_of(around)
        return isinstance(around, cst.FunctionDef)

    def _in_a_class(self, function: cst.FunctionDef) -> bool:
        block = self.parent_of(function)
        return isinstance(self.parent_of(block) if block is not None else None, cst.ClassDef)

    def _is_tarfile(self, receiver: cst.BaseExpression) -> bool:
        """Is ``receiver`` certainly a TarFile: opened right there, a name bound only so, or
        a name the function calls a TarFile's own methods on (pyload's UnTar: ``tar``, its
        parameter, gives ``tar.getmembers()``, which a ZipFile lacks)?"""
        return self._opened_by(receiver, _OPENERS) or self._used_as_tarfile(receiver)

    def _used_as_tarfile(self, receiver: cst.BaseExpression) -> bool:
        if not isinstance(receiver, cst.Name):
            return False
        function = enclosing_function(receiver, self.parent_of)
        if function is None:
            return False
        own = m.Call(func=m.Attribute(value=m.Name(receiver.value), attr=m.Name()))
        return any(
            call.func.attr.value in _TARFILE_ONLY_METHODS  # type: ignore[attr-defined]
            for call in m.findall(function, own)
        )

    def _opened_by(self, receiver: cst.BaseExpression, openers: frozenset[str]) -> bool:
        """Is ``receiver`` made by one of ``openers`` right there, through a context stack's
        ``enter_context()`` (ansible's release tool), or a name bound only so?"""
        if isinstance(receiver, cst.Call):
            if m.matches(receiver.func, m.Attribute(attr=m.Name("enter_context"))):
                return len(receiver.args) == 1 and self._opened_by(receiver.args[0].value, openers)
            return bool(self._names.of(receiver.func) & openers)
        if not isinstance(receiver, cst.Name):
            return False
        values = self._bindings.of(receiver)
        return values is not None and all(
            isinstance(value, cst.Call) and self._opened_by(value, openers) for value in values
        )

    def _unknown_receiver(self, call: cst.Call, method: str) -> None:
        receiver = code_of(call.func.value)  # type: ignore[attr-defined]
        for opener, kind in _OTHER_ARCHIVES.items():
            if self._opened_by(call.func.value, frozenset({opener})):  # type: ignore[attr-defined]
                reason = f"{receiver} is a {kind}, whose {method}() takes no filter="
                self.note(call, RefusalKind.NOT_APPLICABLE, reason)
                return
        reason = (
            f"cannot tell that {receiver} is a TarFile (zipfile has {method}() too, "
            "without filter=): add filter='data' by hand if it is"
        )
        supports = self.project.supports_before(_FILTER_CAME)
        if supports is not None:
            # Cactus 3.3.3 (Python 2.6, 2.7, 3.4): there filter= raises TypeError
            reason += f", only where hasattr(tarfile, 'data_filter'): {supports}, {_NO_FILTER}"
        if method == "extractall" and self._imports_tarfile:
            self.refuse(call, RefusalKind.ADVICE_ONLY, reason)
        else:
            self.note(call, RefusalKind.ADVICE_ONLY, reason)


# The oldest Python whose tarfile may take filter=, and what the older ones lack.
_FILTER_CAME = (3, 8)
_NO_FILTER = (
    "whose tarfile takes no filter= (it came in 3.12, and in 3.8.17, 3.9.17, 3.10.12 and 3.11.4)"
)
_OWN_MEMBER_CHECKS = (
    "the function checks each member itself, after tarfile's data filter, as its"
    " docstring says: filter='data' on top would undo its choices (modes)"
)
_COMMENTED_MEMBER_CHECKS = (
    "a comment in its block names tarfile's filter argument, and a call before it given the"
    " archive checks the members by hand (for the Pythons whose tarfile takes no filter=):"
    " the code handles it on purpose; check that call before adding filter='data'"
)
# A comment on tarfile's own filter: "the data filter", "`filter` arg", "filter='data'".
_NAMES_THE_FILTER = re.compile(
    r"\bdata[ _-]filter|`filter`|\bfilter=|\bfilter\s+(?:arg|param|keyword)", re.IGNORECASE
)
# A digest of the archive's bytes, and the comparisons that check one.
_DIGEST_CALL = m.Call(func=m.Attribute(attr=m.Name("hexdigest") | m.Name("digest")))
_COMPARE_DIGEST = frozenset({"hmac.compare_digest", "secrets.compare_digest"})
_FEATURE_TESTED = "the code tests whether tarfile has the data filter and extracts accordingly"
_FILTER_SET = (
    "the code sets {}.extraction_filter, an explicit choice that filter= would override: review it"
)


def _first_tar_write(codemod: Codemod, module: cst.Module, names: QualifiedNames) -> int | None:
    """The line of the module's first call that adds to a tar archive: ``add(...,
    arcname=...)`` (zipfile's is ``write``) or ``addfile()``, or that opens one to write
    (``tarfile.open(path, "w:gz")``)."""
    for call in nodes_of_type(module, cst.Call):
        method = call.func.attr.value if isinstance(call.func, cst.Attribute) else None
        if method == "addfile" or (method == "add" and keyword_arg(call, "arcname")):
            return codemod.lines_of(call)[0]
        mode = argument(call, "mode", 1)
        if (
            mode is not None
            and isinstance(mode.value, cst.SimpleString)
            and str(mode.value.evaluated_value)[:1] in ("w", "x", "a")
            and names.of(call.func) & _OPENERS
        ):
            return codemod.lines_of(call)[0]
    return None


def _calls_under_filter_test(module: cst.Module) -> set[cst.Call]:
    """The calls in either branch of an ``if`` that tests for the data filter, or for the
    Python that has it, and in the ``except TypeError`` of a ``try`` that passes it.

    buildbot's ``if hasattr(tarfile, 'data_filter'): ...extractall(..., filter='data')
    else: ...extractall(...)``: the ``else`` runs where ``filter=`` does not exist; so does
    pdm's ``else`` of ``if sys.version_info >= (3, 12):``.
    """
    code = module_code(module)
    # pipenv's fallback for the Pythons whose tarfile takes no filter=
    tested = (
        calls_in_fallbacks(module, "TypeError", _passes_a_filter) if "TypeError" in code else set()
    )
    if "data_filter" not in code and "version_info" not in code:
        return tested
    return tested | {
        call
        for branch in nodes_of_type(module, cst.If)
        if _tests_for_the_filter(branch.test)
        for call in nodes_of_type(branch, cst.Call)
    }


def _passes_a_filter(attempt: cst.Try) -> bool:
    return any(
        keyword_arg(call, "filter") is not None for call in nodes_of_type(attempt.body, cst.Call)
    )


def _tests_for_the_filter(test: cst.BaseExpression) -> bool:
    """``hasattr(tarfile, 'data_filter')``, or ``sys.version_info >= (3, 12)`` (a version
    whose tarfile has the filter, 3.12 or a patch release it was backported to)."""
    text = code_of(test)
    if "data_filter" in text:
        return True
    found = _VERSION_TEST.search(text)
    if found is None:
        return False
    minor, patch = int(found[1]), int(found[2] or 0)
    return minor >= 12 or patch >= _FILTER_BACKPORTED.get(minor, 100)


def _sets_the_filter_under_a_test(function: cst.FunctionDef, name: str) -> bool:
    """Does ``function`` set ``name['filter'] = 'data'`` in an ``if`` that tests for the filter?"""
    setting = m.Assign(
        targets=[
            m.AssignTarget(
                target=m.Subscript(
                    value=m.Name(name),
                    slice=[m.SubscriptElement(slice=m.Index(value=m.SimpleString()))],
                )
            )
        ],
        value=m.SimpleString(),
    )
    for branch in m.findall(function, m.If()):
        if not _tests_for_the_filter(branch.test):  # type: ignore[union-attr]
            continue
        for assign in m.findall(branch.body, setting):
            key = assign.targets[0].target.slice[0].slice.value  # type: ignore[union-attr]
            value = assign.value  # type: ignore[union-attr]
            if key.evaluated_value == "filter" and value.evaluated_value == "data":
                return True
    return False


# The patch release of each minor Python that got ``filter=`` (3.12 has it from the start).
_FILTER_BACKPORTED = {8: 17, 9: 17, 10: 12, 11: 4}


# ``sys.version_info >= (3, 12)``, ``sys.version_info[:2] >= (3, 12)``.
_VERSION_TEST = re.compile(
    r"version_info(?:\[:[23]\])?\s*>=?\s*\(\s*3\s*,\s*(1\d|[89])\s*(?:,\s*(\d+))?"
)


# Words of a module path for code that unpacks operating-system packages or root trees.
_SYSTEM_TREE_WORDS = frozenset(
    {"deb", "dpkg", "rpm", "apt", "yum", "dnf", "rootfs", "sysroot", "chroot", "debootstrap"}
)


def _passed_by_a_call(
    module: cst.Module,
    function: cst.FunctionDef,
    parameter: str,
    index: int | None,
    parent_of: Callable[[cst.CSTNode], cst.CSTNode | None],
) -> bool:
    """Might a use of ``function``'s name in ``module`` pass ``parameter`` (at positional
    ``index``, None for a keyword-only one)? Any use but a call by that name, a call that
    unpacks ``*args`` or ``**kwargs``, by keyword, or with more positional arguments than
    ``index``, may."""
    name = function.name.value
    for found in nodes_of_type(module, cst.Name):
        if found.value != name or found is function.name:
            continue
        parent = parent_of(found)
        used = parent if isinstance(parent, cst.Attribute) and parent.attr is found else found
        call = parent_of(used)
        if not (isinstance(call, cst.Call) and call.func is used):
            return True  # handed on, bound or wrapped: its callers are unknown
        if any(arg.star for arg in call.args) or keyword_arg(call, parameter) is not None:
            return True
        given = sum(1 for arg in call.args if arg.keyword is None)
        if index is not None and given > index:
            return True
    return False


def _refusal(
    call: cst.Call, false_parameter: Callable[[cst.BaseExpression], bool]
) -> tuple[RefusalKind, str] | None:
    given = keyword_arg(call, "filter")
    if given is not None:
        value = given.value
        if isinstance(value, cst.SimpleString) and value.evaluated_value == "data":
            return RefusalKind.ALREADY_FIXED, "already extracts with the data filter"
        return RefusalKind.ADVICE_ONLY, f"filter={code_of(value)} is an explicit choice: review it"
    if any(arg.star == "**" for arg in call.args):
        return RefusalKind.ADVICE_ONLY, "**kwargs may already hold a filter: check by hand"
    owner = keyword_arg(call, "numeric_owner")
    if owner is not None and not (
        (isinstance(owner.value, cst.Name) and owner.value.value == "False")
        or false_parameter(owner.value)
    ):
        # luigi's SafeExtractor documents its numeric_owner argument.
        return RefusalKind.ADVICE_ONLY, (
            "the data filter drops the members' owners, so numeric_owner= would do nothing:"
            " choose the filter by hand (filter='tar' keeps them)"
        )
    return None
