"""Key the names of external oslo.concurrency locks (CWE-284, CWE-693).

An external lock is the file ``<lock_path>/<prefix><name>``; a predictable
name in a shared lock directory lets another local user create or hold the
file first. The codemod passes each external lock's name through one
stdlib-only helper per project, in the project's own lock wrapper module,
that appends an HMAC of the name under a key read from the environment when
the lock is taken. A survey of the whole project (``_lock_survey``) keeps
each lock family keyed alike: all its takers and removers, or none.
"""

from __future__ import annotations

import ast
import os
import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

import libcst as cst
from libcst.metadata import Assignment, PositionProvider, QualifiedNameSource, ScopeProvider

from cwemod.codemods._lock_calls import (
    HAND_BUILT_LOCKS,
    LOCK,
    LOCK_FUNCTIONS,
    LOCKUTILS,
    PARTIAL_FACTORIES,
    PREFIXED_LOCK,
    PREFIXED_REMOVE,
    Externality,
    LockSignature,
    externality_of,
    looks_like_external_lock,
    name_argument,
    opens_built_lock_path,
    sets_lock_path_option,
)
from cwemod.codemods._lock_docs import DOCS, EXAMPLE
from cwemod.codemods._lock_family import family_of, plan_refusal
from cwemod.codemods._lock_gates import may_record_a_lock_call
from cwemod.codemods._lock_helper import (
    defines_helper,
    helper_definition,
    helper_module_text,
    helper_position,
    insert_helper,
    wrap_name,
)
from cwemod.codemods._lock_imports import free_module_name
from cwemod.codemods._lock_survey import (
    HELPER_NAME,
    LockPlan,
    Wrapper,
    defines_lock_wrapper,
    dotted_module,
    mentions_locks,
    placed,
)
from cwemod.codemods._lock_values import (
    already_keyed,
    guarded_file,
    per_process_value,
    per_user_directory,
    suffixed_file,
    world_writable,
)
from cwemod.codemods._lock_width import (
    SHIFTS,
    SPLIT_NAME,
    TOO_WIDE,
    keyed_layout,
    keyed_site_fits,
)
from cwemod.codemods.base import Codemod, nodes_of_type
from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.bindings import Bindings
from cwemod.codemods.kit.calls import argument, has_unpacking
from cwemod.codemods.kit.enclosing import EnclosingDefinitions
from cwemod.codemods.kit.imports import (
    add_project_import,
    end_of_import_block,
    module_binding,
)
from cwemod.codemods.kit.names import QualifiedNames
from cwemod.codemods.kit.source import code_of, module_code, module_lines
from cwemod.codemods.kit.syntax import parse_ast
from cwemod.codemods.records import Applicability, RefusalKind, RunState

if TYPE_CHECKING:
    from libcst.codemod import CodemodContext

_ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_IN_TESTS = (
    "test code: its locks are not taken where other users share the lock_path (and a test "
    "may check the file name); left as it is"
)


_NOT_READ = object()  # a plan or binding not read yet


class SaltedLockName(EnclosingDefinitions, Codemod):
    id = "salted-lock-name"
    title = "Key the names of external oslo.concurrency locks"
    cwe = ("CWE-284", "CWE-693")
    applicability = Applicability.SAFE
    leaves_tests_alone = True
    default_options: ClassVar[Mapping[str, Any]] = {"key-env": "OSLO_LOCK_NAME_KEY"}
    docs = DOCS
    example = EXAMPLE

    # Qualified names are asked of the scope node by node (what QualifiedNameProvider
    # does), sparing the provider's own pass over the whole tree.
    METADATA_DEPENDENCIES = (PositionProvider, ScopeProvider)

    @classmethod
    def check_options(cls, options: Mapping[str, Any]) -> None:
        key_env = str(options["key-env"])
        if not _ENV_NAME.match(key_env):
            raise ValueError(f"{cls.id}: key-env {key_env!r} is not an environment variable name")

    @classmethod
    def wants(cls, source: str, options: Mapping[str, Any] | None = None) -> bool:
        return mentions_locks(source)

    @classmethod
    def might_change(cls, tree: ast.Module, options: Mapping[str, Any]) -> bool:
        """Is there a call this codemod could key or refuse, or a home for the helper?"""
        return may_record_a_lock_call(tree) or defines_lock_wrapper(tree)

    def __init__(
        self,
        context: CodemodContext | None = None,
        state: RunState | None = None,
        options: Mapping[str, Any] | None = None,
        *,
        filename: str | None = None,
    ) -> None:
        super().__init__(context, state, options, filename=filename)
        self.key_env = str(self.options["key-env"])
        self._aliases: dict[str, LockSignature] = {}
        self._in_process_names: set[str] | None = None  # read when a site first asks
        self._keyed_a_site = False
        self._names = QualifiedNames(self)
        self._module = dotted_module(self.module_path) if self.module_path else ""
        self._module_node: cst.Module | None = None
        self._plan_read: object = _NOT_READ
        self._binding_read: object = _NOT_READ
        self._project_tops: set[str] | None = None
        self._lines: list[str] = []
        self._unfit: dict[str | None, int] | None = None  # laid out when a site first asks
        self._bindings: Bindings | None = None  # made when a lock_path first asks

    # -- the project's plan, read when first needed ----------------------
    # Methods, not properties: LibCST's matcher machinery reads every attribute of a
    # transformer when it is built, which would run the survey there.

    def _plan(self) -> LockPlan | None:
        """The survey's plan; reading it runs the survey when no codemod has asked yet."""
        if self._plan_read is _NOT_READ:
            plan = self.facts if isinstance(self.facts, LockPlan) else None
            self._plan_read = placed(plan, self.project.root) if plan is not None else None
        return self._plan_read  # type: ignore[return-value]

    def _home_binding(self) -> str | None:
        """How this module names the helper's module (None: it is the home, or there is none)."""
        if self._binding_read is _NOT_READ:
            plan, node = self._plan(), self._module_node
            if plan is None or plan.home is None or plan.home == self._module or node is None:
                self._binding_read = None
            else:
                self._binding_read = module_binding(node, plan.home) or free_module_name(
                    node, plan.home
                )
        return self._binding_read  # type: ignore[return-value]

    def _unsurveyed(self) -> bool:
        """Has the project not been surveyed yet (a report's triage, in the parent process)?

        Then the shortcuts below skip the survey where its plan cannot
        matter. They read the files on disk, which is what the survey
        reads; with the facts at hand (workers, a plan a test gives) the
        plan is always read.
        """
        return not self.project.facts_surveyed(self.id)

    def _may_be_home(self, module: cst.Module) -> bool:
        """Could the survey make this module the helper's home?

        A home defines a lock wrapper or the helper; a home the survey
        creates does not exist yet, so it is not this module.
        """
        if defines_helper(module, HELPER_NAME):
            return True
        try:
            tree = parse_ast(module_code(module))
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return True
        return defines_lock_wrapper(tree)

    def _may_name_a_project_function(self, names: set[str]) -> bool:
        """Could one of ``names`` be a function of this project (a wrapper the plan lists)?"""
        root = self.project.root
        if root is None:
            return False
        if self._project_tops is None:  # the first parts of the project's dotted names
            try:
                entries = {entry.name.removesuffix(".py") for entry in os.scandir(root)}
            except OSError:
                return True
            self._project_tops = entries | {self._module.partition(".")[0]}
        return any(name.partition(".")[0] in self._project_tops for name in names)

    # -- whole-module passes ----------------------------------------------

    def visit_Module(self, node: cst.Module) -> None:
        self._module_node = node
        self._aliases = self._module_aliases(node)
        self._in_process_names = None
        self._lines = module_lines(node)
        self._unfit = None
        self._bindings = None

    def leave_Module(self, original_node: cst.Module, updated_node: cst.Module) -> cst.Module:
        if not self._keyed_a_site and self._unsurveyed() and not self._may_be_home(original_node):
            return updated_node  # what follows changes nothing here without a keyed site
        plan = self._plan()
        if plan is None:  # a file of no project: the helper lives in the file itself
            if not self._keyed_a_site or defines_helper(updated_node):
                return updated_node
            helper = helper_definition(original_node, self.key_env)
        elif self._is_home():
            if not plan.families - set(plan.blocked) or defines_helper(updated_node, HELPER_NAME):
                return updated_node
            helper = helper_definition(original_node, self.key_env, HELPER_NAME)
            if not self._keyed_a_site and not self._record_home(original_node):
                return updated_node
        else:
            if self._keyed_a_site and plan.create_home:
                self._create_home(plan)
            elif self._keyed_a_site and not plan.helper_present:
                self.uses_definition(plan.home_path or "", HELPER_NAME)
            if self._keyed_a_site and module_binding(updated_node, plan.home or "") is None:
                return add_project_import(updated_node, plan.home or "", self._home_binding())
            return updated_node
        module = insert_helper(updated_node, helper, after_constants=plan is not None)
        return self.add_stdlib_imports(module, ("hashlib", "hmac", "os"))

    def _create_home(self, plan: LockPlan) -> None:
        """Ask for the new module that holds the helper this module's keyed locks call."""
        mine = [fix.applicability for fix in self.state.fixes if fix.codemod == self.id]
        applicability = Applicability.SAFE if Applicability.SAFE in mine else Applicability.REVIEW
        reason = (
            f"new module with the project's one lock-name helper, {HELPER_NAME}(), for the "
            "external locks keyed in other modules (the project has no lock wrapper module)"
        )
        text = helper_module_text(self.key_env, HELPER_NAME, plan.license_header)
        self.create_module(plan.home_path or "", text, applicability, reason)

    def _record_home(self, module: cst.Module) -> bool:
        """The helper as a change of its own, where no lock of the home module is keyed."""
        if not module.body or not self._plan().users & self.project.run_files:
            return False  # no module of this run calls the helper
        if not self._a_family_is_laid_out():
            return False  # every family is refused wherever it is: nothing would call it
        last = len(module.body) - 1
        first = module.body[min(end_of_import_block(module.body), last)]
        # recorded where the helper goes: before the module's first function or class
        goes_before = module.body[min(helper_position(module.body, HELPER_NAME, True), last)]
        applicability = self._family_applicability(None)
        reason = (
            f"the project's one lock-name helper, {HELPER_NAME}(), for the locks keyed in "
            "other modules"
        )
        return self.accept_fix(first, applicability, reason, at=goes_before)

    def _a_family_is_laid_out(self) -> bool:
        """Is some keyable family's every site one its module's run can lay out keyed?"""
        plan = self._plan()
        assert plan is not None
        return any(
            self._unfit_elsewhere(family, spread_only=False) is None
            for family in plan.families - set(plan.blocked)
        )

    def _family_applicability(self, family: str | None) -> Applicability:
        """Review when the family (None: any) has a wrapper keyed inside at review level.

        Such a wrapper decides ``external=`` at run time; its family is keyed with
        it or not at all. A wrapper of ``external_lock``, or of a literal
        ``external=True``, is not one (tobiko's ``lock``).
        """
        plan = self._plan()
        if plan is None:
            return Applicability.SAFE
        inside = [w for w in plan.wrappers.values() if w.keyed_inside and w.runtime]
        if any(family is None or w.prefix == family for w in inside):
            return Applicability.REVIEW
        return Applicability.SAFE

    def _is_home(self) -> bool:
        plan = self._plan()
        return plan is not None and plan.home == self._module

    def _module_aliases(self, module: cst.Module) -> dict[str, LockSignature]:
        """Module-level names bound to a lock function or a prefixed partial."""
        aliases: dict[str, LockSignature] = {}
        for statement in module.body:
            if not isinstance(statement, cst.SimpleStatementLine):
                continue
            for small in statement.body:
                if m.matches(small, m.Assign(targets=[m.AssignTarget(target=m.Name())])):
                    signature = self._signature_of_value(small.value)
                    if signature is not None:
                        aliases[small.targets[0].target.value] = signature
        return aliases

    def _signature_of_value(self, value: cst.BaseExpression) -> LockSignature | None:
        names = self._qualified(value)
        for name in names:
            if name in LOCK_FUNCTIONS:
                return LOCK_FUNCTIONS[name]
        if isinstance(value, cst.Call):
            for name in self._qualified(value.func):
                if name in PARTIAL_FACTORIES:
                    return PARTIAL_FACTORIES[name]
        return None

    def _taken_in_process(self, name: str) -> bool:
        """Is ``name`` also an in-process lock's name in this module?

        Collecting the module's calls visits it whole: only a site about to
        be keyed asks.
        """
        if self._in_process_names is None:
            assert self._module_node is not None
            self._in_process_names = self._in_process_lock_names(self._module_node)
        return name in self._in_process_names

    def _in_process_lock_names(self, module: cst.Module) -> set[str]:
        names = set()
        for call in nodes_of_type(module, cst.Call):
            signature = self._lock_signature(call)
            name = name_argument(call)
            if (
                signature
                and name is not None
                and externality_of(call, signature) is Externality.IN_PROCESS
            ):
                names.add(code_of(name.value))
        return names

    # -- call sites -------------------------------------------------------

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        if self.in_tests:
            if self._lock_signature(original_node) is not None:  # said only where a report asks
                self.note(original_node, RefusalKind.NOT_APPLICABLE, _IN_TESTS)
            return updated_node
        wrapper = self._project_wrapper(original_node)
        if wrapper is not None and wrapper.keyed_inside:
            if externality_of(original_node, LOCK) is not Externality.IN_PROCESS:
                self.refuse(
                    original_node,
                    RefusalKind.NOT_APPLICABLE,
                    f"keyed inside {wrapper.qualified_name}",
                )
            return updated_node
        signature = self._lock_signature(original_node) or self._wrapper_signature(wrapper)
        if signature is None:
            self._advise_on_other_locks(original_node)
            return updated_node
        if not self._should_key(original_node, signature):
            return updated_node
        family = None
        plan = self._plan()
        if plan is not None:
            wrapper = wrapper or self._enclosing_keyed_wrapper()
            family = family_of(original_node, signature, wrapper, self._qualified)
            refusal = plan_refusal(plan, family) or self._home_refusal(original_node)
            if refusal is not None:
                self.refuse(original_node, RefusalKind.ADVICE_ONLY, refusal)
                return updated_node
        keyed = self._fitted(original_node, wrap_name(updated_node, self._helper()))
        if keyed is None:
            return updated_node
        if plan is None:
            family = family_of(original_node, signature, None, self._qualified)
        refusal = self._family_layout_refusal(original_node, family)
        if refusal is not None:
            self.refuse(original_node, RefusalKind.ADVICE_ONLY, refusal)
            return updated_node
        externality = externality_of(original_node, signature)
        if externality is Externality.RUNTIME:
            applicability = Applicability.REVIEW
            reason = (
                "external= is decided at run time: keying is right when the lock is external; "
                "check no in-process lock elsewhere shares this name"
            )
        else:
            applicability = (
                self._family_applicability(family) if family is not None else (Applicability.SAFE)
            )
            reason = (
                "external lock file name is predictable; keyed with the secret in $" + self.key_env
            )
            if applicability is Applicability.REVIEW:
                reason += (
                    "; its lock family is keyed with a wrapper that decides external= at run "
                    "time: check no in-process lock elsewhere shares a name it takes"
                )
        if not self.accept_fix(original_node, applicability, reason):
            return updated_node
        self._keyed_a_site = True
        return keyed

    def _should_key(self, call: cst.Call, signature: LockSignature) -> bool:
        """Check one lock call; refuse with the reason when it must stay as it is."""
        if has_unpacking(call):
            self.refuse(
                call,
                RefusalKind.ADVICE_ONLY,
                "call shape not understood (*args or **kwargs); key the lock name by hand",
            )
            return False
        name = name_argument(call)
        if name is None:
            self.refuse(
                call,
                RefusalKind.ADVICE_ONLY,
                "no lock name argument found; key the lock name by hand",
            )
            return False
        if externality_of(call, signature) is Externality.IN_PROCESS:
            # Whole-tree runs would drown in these; with a report they answer the finding.
            self.note(
                call,
                RefusalKind.NOT_APPLICABLE,
                "in-process semaphore: the name never leaves the process",
            )
            return False
        home = self._per_user_lock_path(call, signature.lock_path_index)
        if home is not None:
            self.refuse(
                call,
                RefusalKind.NOT_APPLICABLE,
                f"the lock files live in the user's own directory ({home}): no other user can "
                "create them first",
            )
            return False
        guarded = self._guarded_file(call, signature.lock_path_index)
        if guarded is not None:
            self.refuse(call, RefusalKind.NOT_APPLICABLE, _beside_its_file(guarded))
            return False
        if self._world_writable_lock_path(call, signature.lock_path_index):
            self.refuse(call, RefusalKind.ADVICE_ONLY, _WORLD_WRITABLE_ADVICE)
            return False
        if already_keyed(name.value, self._qualified):
            self.refuse(call, RefusalKind.ALREADY_FIXED, "lock name already keyed")
            return False
        volatile = per_process_value(name.value, self._qualified)
        if volatile is not None:
            self.refuse(
                call,
                RefusalKind.ADVICE_ONLY,
                f"lock name salted with a per-process value ({volatile}): "
                "other processes never share this lock; use a shared key instead",
            )
            return False
        if self._taken_in_process(code_of(name.value)):
            self.refuse(
                call,
                RefusalKind.ADVICE_ONLY,
                "the same name is also taken as an in-process lock in this module; "
                "keying only the external site would split them",
            )
            return False
        return True

    def _lock_signature(self, call: cst.Call) -> LockSignature | None:
        for name in self._qualified(call.func):
            if name in LOCK_FUNCTIONS:
                return LOCK_FUNCTIONS[name]
        if isinstance(call.func, cst.Call):  # lockutils.lock_with_prefix('nova')('name', ...)
            for name in self._qualified(call.func.func):
                if name in PARTIAL_FACTORIES:
                    return PARTIAL_FACTORIES[name]
        if (
            isinstance(call.func, cst.Name)
            and call.func.value in self._aliases
            and self._is_module_name(call.func)
        ):
            return self._aliases[call.func.value]
        return None

    def _enclosing_keyed_wrapper(self) -> Wrapper | None:
        """The project wrapper this call is the lock of, when it is keyed inside."""
        plan = self._plan()
        functions = self.enclosing_functions()
        if plan is None or not functions:
            return None
        wrapper = plan.wrappers.get(f"{self._module}.{functions[0].name.value}")
        return wrapper if wrapper is not None and wrapper.keyed_inside else None

    def _project_wrapper(self, call: cst.Call) -> Wrapper | None:
        names = self._qualified(call.func)
        if isinstance(call.func, cst.Name):
            names = names | {f"{self._module}.{call.func.value}"}
        if self._unsurveyed() and not self._may_name_a_project_function(names):
            return None  # oslo_concurrency's own functions, a method of self: never a wrapper
        plan = self._plan()
        if plan is None:
            return None
        return next((plan.wrappers[n] for n in sorted(names) if n in plan.wrappers), None)

    @staticmethod
    def _wrapper_signature(wrapper: Wrapper | None) -> LockSignature | None:
        if wrapper is None:
            return None
        return {"partial": PREFIXED_LOCK, "remover": PREFIXED_REMOVE}.get(wrapper.kind, LOCK)

    def _home_refusal(self, call: cst.Call) -> str | None:
        """Why this module cannot call the helper in the plan's home; None when it can."""
        plan = self._plan()
        if plan is None or self._is_home():
            return None
        binding = self._home_binding()
        if binding is None or self._rebound_here(call, binding):
            return f"the name of {plan.home} is taken in this module; key the lock by hand"
        if plan.helper_present:
            return None
        if self.state.finding_ranges is not None:
            made = "created as" if plan.create_home else "added to"
            return (
                f"the helper is {made} {plan.home_path} by a whole-tree run; "
                "key this lock in that run"
            )
        if plan.create_home:
            return self._new_home_refusal(plan)
        if plan.home_path not in self.project.run_files:
            return (
                f"the helper goes into {plan.home_path}, which this run does not cover; "
                "run over it too"
            )
        return None

    def _new_home_refusal(self, plan: LockPlan) -> str | None:
        """A new module is created only in a directory the run covers, as any change."""
        directory = (plan.home_path or "").rpartition("/")[0]
        if any(path.rpartition("/")[0] == directory for path in self.project.run_files):
            return None
        return (
            f"the helper goes into a new module, {plan.home_path}, in a directory this run "
            "does not cover; run over it too"
        )

    def _rebound_here(self, node: cst.CSTNode, name: str) -> bool:
        """Is ``name`` bound by something other than a module-level statement where ``node`` is?"""
        scope = self.get_metadata(ScopeProvider, node, None)
        if scope is None or name not in scope:
            return False
        return any(
            assignment.scope is not scope.globals or not isinstance(assignment, Assignment)
            for assignment in scope[name]
        ) or any(
            not isinstance(assignment.node, (cst.Import, cst.ImportFrom))
            for assignment in scope[name]
            if isinstance(assignment, Assignment)
        )

    def _helper(self) -> cst.BaseExpression | None:
        if self._plan() is None:
            return None  # the module's own _salted_lock_name
        if self._is_home():
            return cst.Name(HELPER_NAME)
        return cst.Attribute(cst.Name(self._home_binding() or ""), cst.Name(HELPER_NAME))

    def _fitted(self, original: cst.Call, keyed: cst.Call) -> cst.Call | None:
        """``keyed`` within the project's line length, or None after refusing."""
        fitted, refusal = self._layout(original, keyed)
        if refusal is not None:
            self.refuse(original, RefusalKind.ADVICE_ONLY, refusal)
        return fitted

    def _layout(self, original: cst.Call, keyed: cst.Call) -> tuple[cst.Call | None, str | None]:
        """``keyed`` laid out within the project's line length, or why it cannot be."""
        position = self.get_metadata(PositionProvider, original)
        lines = (self._lines[position.start.line - 1], self._lines[position.end.line - 1])
        columns = (position.start.column, position.end.column)
        limit = self.project.line_length
        fitted, problem = keyed_layout(original, keyed, lines, columns, limit, self.project.root)
        if problem == TOO_WIDE:
            return None, f"the keyed call does not fit in {limit} columns; {_BY_HAND}"
        if problem == SHIFTS:
            return None, f"the keyed call would shift an aligned continuation line; {_BY_HAND}"
        if problem == SPLIT_NAME:
            return None, (
                "the lock name runs over several lines, which wrapping it would leave out of "
                f"line; {_BY_HAND}"
            )
        return fitted, None

    # -- a family's layouts: all of its sites keyed, or none ----------------

    def _family_layout_refusal(self, call: cst.Call, family: str | None) -> str | None:
        """Why ``call`` stays as it is when another site of its family cannot be laid out.

        A family in several modules is laid out module by module, so each
        keys its sites only where the survey's sites of the family can all
        be laid out keyed, as their own modules' runs lay them out; in one
        module the module's own sites are laid out first.
        """
        plan, limit = self._plan(), self.project.line_length
        named = f"every taker and remover of {family or 'unprefixed'!r} locks must be keyed alike"
        doubt = self._unfit_elsewhere(family) if plan is not None and family is not None else None
        if doubt is not None:
            return (
                f"{named}, and {doubt} cannot be laid out in {limit} columns keyed (the family "
                "spans modules, each laid out on its own): key them all by hand"
            )
        unfit = self._unfit_sites()
        line = (
            unfit.get(family, unfit.get(None))
            if family is not None
            else min(unfit.values(), default=None)
        )
        if line is None:
            return None
        where = f"{self.module_path}:{line}" if self.module_path else f"line {line}"
        return f"{named}, and {where} cannot be laid out in {limit} columns: key them by hand"

    def _unfit_elsewhere(self, family: str, spread_only: bool = True) -> str | None:
        """``path:line`` of a site of ``family`` the survey found that its module's run cannot
        lay out keyed (``spread_only``: where the family spans modules), if any."""
        plan = self._plan()
        assert plan is not None
        sites = plan.spread(family) if spread_only else plan.sites.get(family, ())
        for path, site in sites:
            binding = plan.binding(path)
            if plan.home == dotted_module(path):
                helper = HELPER_NAME
            elif binding is None:
                return f"{path}:{site.line}"  # no name is free for the helper's module
            else:
                helper = f"{binding}.{HELPER_NAME}"
            if not keyed_site_fits(site, helper, self.project.line_length, self.project.root):
                return f"{path}:{site.line}"
        return None

    def _unfit_sites(self) -> dict[str | None, int]:
        """The first line of each family with a lock site of this module that cannot be laid
        out (None: a site of a family not known)."""
        if self._unfit is None:
            self._unfit = {}
            assert self._module_node is not None
            for call, family in self._lock_sites(self._module_node):
                if self._layout(call, wrap_name(call, self._helper()))[0] is None:
                    line = self.get_metadata(PositionProvider, call).start.line
                    self._unfit.setdefault(family, line)
        return self._unfit

    def _lock_sites(self, module: cst.Module) -> Iterator[tuple[cst.Call, str | None]]:
        """The module's calls that take or remove an external lock, each with its family."""
        plan = self._plan()
        for statement in module.body:
            inside = None  # the function wrapper keyed inside that ``statement`` is
            if plan is not None and isinstance(statement, cst.FunctionDef):
                inside = plan.wrappers.get(f"{self._module}.{statement.name.value}")
                inside = inside if inside is not None and inside.keyed_inside else None
            for call in nodes_of_type(statement, cst.Call):
                wrapper = self._project_wrapper(call)
                if wrapper is not None and wrapper.keyed_inside:
                    continue
                signature = self._lock_signature(call) or self._wrapper_signature(wrapper)
                if (
                    signature is None
                    or has_unpacking(call)
                    or name_argument(call) is None
                    or already_keyed(name_argument(call).value, self._qualified)
                    or externality_of(call, signature) is Externality.IN_PROCESS
                    or self._per_user_lock_path(call, signature.lock_path_index) is not None
                    or self._guarded_file(call, signature.lock_path_index) is not None
                ):
                    continue
                yield call, family_of(call, signature, wrapper or inside, self._qualified)

    def _is_module_name(self, name: cst.Name) -> bool:
        return any(
            q.name == name.value and q.source is QualifiedNameSource.LOCAL
            for q in self._names.full(name)
        )

    # -- other lock shapes: advice only -----------------------------------

    def _advise_on_other_locks(self, call: cst.Call) -> None:
        names = self._qualified(call.func)
        beside = self._suffixed_lock_file(call) if names & HAND_BUILT_LOCKS else None
        if beside is not None:
            self.refuse(call, RefusalKind.NOT_APPLICABLE, _beside_its_file(beside))
        elif names & HAND_BUILT_LOCKS or opens_built_lock_path(call, names):
            self.refuse(call, RefusalKind.ADVICE_ONLY, _HAND_BUILT_ADVICE)
        elif self._configures_world_writable_lock_path(call, names):
            self.refuse(call, RefusalKind.ADVICE_ONLY, _WORLD_WRITABLE_ADVICE)
        elif looks_like_external_lock(call):
            self._advise_on_unresolved_lock(call)

    def _advise_on_unresolved_lock(self, call: cst.Call) -> None:
        if self._world_writable_lock_path(call, None):
            self.refuse(call, RefusalKind.ADVICE_ONLY, _WORLD_WRITABLE_ADVICE)
        else:
            self.refuse(
                call,
                RefusalKind.ADVICE_ONLY,
                "external lock taken through a function the codemod cannot resolve "
                "to oslo.concurrency; key its name where the lock is taken",
            )

    def _per_user_lock_path(self, call: cst.Call, index: int | None) -> str | None:
        """The ``~...`` text of a ``lock_path`` surely in the user's home (``_lock_values``)."""
        lock_path = argument(call, "lock_path", index)
        bindings = self._module_bindings()
        if lock_path is None or bindings is None:
            return None
        return per_user_directory(lock_path.value, self._qualified, bindings.of)

    def _guarded_file(self, call: cst.Call, index: int | None) -> str | None:
        """The file whose directory is the ``lock_path`` and whose path the name is built
        from, if so (``_lock_values.guarded_file``)."""
        lock_path, name = argument(call, "lock_path", index), name_argument(call)
        bindings = self._module_bindings()
        if lock_path is None or name is None or bindings is None:
            return None
        return guarded_file(name.value, lock_path.value, self._qualified, bindings.of)

    def _module_bindings(self) -> Bindings | None:
        if self._bindings is None and self._module_node is not None:
            self._bindings = Bindings(self, self._module_node)
        return self._bindings

    def _suffixed_lock_file(self, call: cst.Call) -> str | None:
        """The file a hand-built lock file (``InterProcessLock(X + '.lock')``) lies beside."""
        path, bindings = argument(call, "path", 0), self._module_bindings()
        if path is None or bindings is None:
            return None
        return suffixed_file(path.value, bindings.of)

    def _world_writable_lock_path(self, call: cst.Call, index: int | None) -> bool:
        lock_path = argument(call, "lock_path", index)
        return lock_path is not None and world_writable(lock_path.value, self._qualified)

    def _configures_world_writable_lock_path(self, call: cst.Call, names: set[str]) -> bool:
        """``lockutils.set_defaults('/tmp')`` or ``CONF.set_override('lock_path', '/tmp', ...)``."""
        if f"{LOCKUTILS}.set_defaults" in names and call.args:
            return world_writable(call.args[0].value, self._qualified)
        return sets_lock_path_option(call) and world_writable(call.args[1].value, self._qualified)

    def _qualified(self, node: cst.CSTNode) -> set[str]:
        return self._names.of(node)


_BY_HAND = "key it by hand, with every taker and remover of its lock family"
_WORLD_WRITABLE_ADVICE = (
    "hard-coded world-writable lock_path: keying the name does not fix it; "
    "use a lock directory only the service can write"
)


def _beside_its_file(file: str) -> str:
    return (
        f"the lock file lives in the directory of the file it guards ({file}): whoever can "
        f"create it first can create {file} itself; keying its name protects nothing"
    )


_HAND_BUILT_ADVICE = "lock file built by hand: pass its name through a keyed digest (hmac) by hand"
