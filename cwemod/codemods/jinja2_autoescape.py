"""``jinja2.Environment`` without autoescaping -> ``autoescape=select_autoescape()`` (CWE-79)."""

from __future__ import annotations

import ast
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import libcst as cst
from libcst.metadata import FunctionScope, PositionProvider, QualifiedNameSource, ScopeProvider

from cwemod.codemods._jinja_docs import DOCS, EXAMPLE
from cwemod.codemods._jinja_given import markup_given
from cwemod.codemods._jinja_markup import MARKUP_CLASSES as MARKUP
from cwemod.codemods._jinja_markup import markup_helpers
from cwemod.codemods._jinja_options import summarise as summarise_options
from cwemod.codemods._jinja_parsed import parsed_as_data
from cwemod.codemods._jinja_strings import string_renders
from cwemod.codemods._jinja_templates import (
    code_block_expression,
    escaped_by_default,
    loader_directory,
    looks_like_markup,
    markup_literal_expression,
    only_unescaped_templates,
    own_loader_directory,
    prepared_markup_expression,
    rendered_template_names,
    ships_templates,
)
from cwemod.codemods._tar_args import ArgumentAppender, argument_column, below_at
from cwemod.codemods.base import Codemod, callee_tails, imported_tails, nodes_of_type
from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.bindings import Bindings
from cwemod.codemods.kit.calls import argument, keyword_arg, keyword_argument
from cwemod.codemods.kit.growth import LineGrowth, opens_a_bracket
from cwemod.codemods.kit.imports import (
    end_of_import_block,
    imported_names,
    imports_from,
    with_name_imported_beside,
)
from cwemod.codemods.kit.names import QualifiedNames, dotted_expression, string_key
from cwemod.codemods.kit.project import absolute_name, dotted_module
from cwemod.codemods.kit.requirements import is_packaged
from cwemod.codemods.kit.source import code_of, module_code
from cwemod.codemods.kit.syntax import nodes
from cwemod.codemods.records import Applicability, RefusalKind

_ENVIRONMENTS = frozenset({"jinja2.Environment", "jinja2.environment.Environment"})
_BASE_LOADERS = frozenset({"jinja2.BaseLoader", "jinja2.loaders.BaseLoader"})
_SELECT = "jinja2.select_autoescape"
_REASON = (
    "autoescape is off, so variables reach the HTML unescaped; select_autoescape() escapes "
    ".html/.htm/.xml templates: check the ones that insert markup on purpose (mark it |safe)"
)


class Jinja2Autoescape(Codemod):
    id = "jinja2-autoescape"
    title = "Escape HTML templates in Jinja2 environments"
    cwe = ("CWE-79",)
    rules = ("B701",)
    applicability = Applicability.REVIEW
    prefilter = ("jinja2",)
    docs = DOCS
    example = EXAMPLE

    METADATA_DEPENDENCIES = (PositionProvider, ScopeProvider)

    @classmethod
    def might_change(cls, tree: ast.Module, options: Mapping[str, Any]) -> bool:
        imported = imported_tails(tree)
        return any(
            "Environment" in callee_tails(node.func, imported) for node in nodes(tree, ast.Call)
        )

    def visit_Module(self, node: cst.Module) -> None:
        self._names = QualifiedNames(self)
        self._growth = LineGrowth(module_code(node), self.project.line_length)
        self._appender = ArgumentAppender(self, self._growth)
        self._rendered = rendered_template_names(node)
        self._bindings = Bindings(self, node)
        self._string_renders = string_renders(node, self._bindings, self._is_environment)
        root = self.project.root
        here = None if root is None else Path(root, self.module_path).parent
        self._loader_directory = None if here is None else loader_directory(node, here)
        self._loader_here = self._loader_directory  # the directory the call's loader reads
        self._only_parses = _environments_that_only_parse(node)
        self._select = _select_spelling(node)
        # Where select_autoescape is not bound yet, it is imported beside ``from jinja2 import``.
        self._can_import = self._select is None and imports_from(node, "jinja2")
        self._imports_inside = not self._can_import and _imports_jinja_anywhere(node)
        self._wants_import = False
        self._statements: list[cst.SimpleStatementLine] = []  # the ones the visit is in
        self._module = node

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        if not self._names.of(original_node.func) & _ENVIRONMENTS:
            return updated_node
        if self.in_tests:
            self.note(original_node, RefusalKind.NOT_APPLICABLE, "test code renders test data")
            return updated_node
        given = keyword_arg(original_node, "autoescape")
        self._loader_here = self._own_loader_directory(original_node) or self._loader_directory
        refusal = self._refusal(original_node, given)
        if refusal is not None:
            self.refuse(original_node, *refusal)
            return updated_node
        if self._select is None and not self._can_import:
            reason = "no `import jinja2` or `from jinja2 import` to import select_autoescape beside"
            if self._imports_inside:
                # Fabric's upload_template(): from jinja2 import Environment inside its try
                reason = "jinja2 is imported inside the function only, not at module level"
            self.refuse(original_node, RefusalKind.ADVICE_ONLY, f"{reason}: set it by hand")
            return updated_node
        spelling = self._select or "select_autoescape"
        value = cst.Call(dotted_expression(spelling))
        args = self._with_value(original_node, updated_node, given, value)
        if args is None:
            limit = self.project.line_length
            reason = (
                f"autoescape={spelling}() would not fit in {limit} columns "
                "or would shift an aligned continuation line; set it by hand"
            )
            self.refuse(original_node, RefusalKind.ADVICE_ONLY, reason)
            return updated_node
        broken = self._broken_template()
        if broken is not None:
            self.refuse(original_node, RefusalKind.ADVICE_ONLY, broken)
            return updated_node
        if not self.accept_fix(original_node, Applicability.REVIEW, _REASON):
            return updated_node
        self._growth.commit()  # the new argument's, or the new value's
        self._wants_import = self._select is None
        return updated_node.with_changes(args=args)

    def leave_Module(self, original_node: cst.Module, updated_node: cst.Module) -> cst.Module:
        if not self._wants_import:
            return updated_node
        return (
            with_name_imported_beside(
                updated_node, "jinja2", "select_autoescape", self.project.line_length
            )
            or updated_node
        )

    def _refusal(self, call: cst.Call, given: cst.Arg | None) -> tuple[RefusalKind, str] | None:
        if given is not None:
            value = given.value
            if self._escapes(value):
                found = self._unescaped_templates() if m.matches(value, m.Name("True")) else None
                if found is not None and not found[1]:
                    # checkov's prompt.py renders Python source: a quote becomes &#34;
                    return RefusalKind.NOT_APPLICABLE, (
                        f"the templates shipped here ({found[0]}, ...) are none of .html, .htm"
                        " or .xml: no HTML to escape, and autoescape=True escapes what they"
                        " write all the same (a quote becomes &#34;); check it by hand"
                    )
                source = self._python_source_template() if found is None else None
                if source is not None and m.matches(value, m.Name("True")):
                    # nautobot's CLI renders nautobot_config.py.j2: an & in its secret key
                    return RefusalKind.NOT_APPLICABLE, (
                        f"the module renders {source}, which writes Python source: no HTML to"
                        " escape, and autoescape=True escapes what it writes all the same (an &"
                        " becomes &amp;); check it by hand"
                    )
                return RefusalKind.ALREADY_FIXED, "already escapes HTML templates"
            explained = self._comment_on(call, given) if m.matches(value, m.Name("False")) else None
            if explained is not None and _SAYS_WHAT_IS_MADE.search(explained):
                # prefect's SDK renderer: autoescape=False,  # We're generating Python code
                return RefusalKind.NOT_APPLICABLE, (
                    f"autoescape=False is explained where it is set ({explained}): left as it is"
                )
            if not m.matches(value, m.Name("False")):
                return RefusalKind.ADVICE_ONLY, (
                    f"autoescape={code_of(value)} decides per template or elsewhere: "
                    "left as it is; check that it escapes HTML templates"
                )
        elif any(arg.star == "**" for arg in call.args):
            options = self._options_escape(call) or self._options_function_escapes(call)
            if options is not None:
                return RefusalKind.ALREADY_FIXED, (
                    f"the options it is given (**{options}) set autoescape=True"
                )
            if not all(map(self._lacks_autoescape, _unpacked(call))):
                given_options = _starred_options(call)
                return RefusalKind.ADVICE_ONLY, (
                    f"**{given_options} may hold autoescape: check by hand"
                )
        texts = [render.text for render in self._string_renders if render.on(call)]
        # copr-cli's mock profile: every template a literal of the module, with no markup
        if texts and all(t is not None and "<" not in t for t in texts) and not self._reads(call):
            return RefusalKind.NOT_APPLICABLE, (
                "renders only templates written in the module, with no markup in them "
                "(from_string), which select_autoescape() escapes too: that would corrupt "
                "the text (a URL's & becomes &amp;)"
            )
        parser = parsed_as_data(self, self._module, self._names)
        if parser is not None:
            # lightkube's codecs.py: yaml.safe_load_all(_template(...)), a from_string render
            return RefusalKind.NOT_APPLICABLE, (
                f"the rendered text is parsed as data ({parser}): no HTML to escape, and "
                "escaping it would corrupt its values (an & becomes &amp;)"
            )
        tag = _yaml_tag(self._module) if texts else None
        if tag is not None:
            # jenkins-job-builder's yaml_objects.py: !j2: renders a job's shell builder body
            return RefusalKind.ADVICE_ONLY, (
                f"renders templates from strings (from_string); its templates are values of"
                f" YAML documents (the module defines the tag {tag}), rendered into data, not"
                " HTML: autoescape would corrupt them (&& becomes &amp;&amp;); leave it off"
                " unless that data is put into HTML unescaped"
            )
        if texts:
            return RefusalKind.ADVICE_ONLY, (
                "renders templates from strings (from_string), which select_autoescape() "
                "escapes too: set autoescape by hand for what they produce"
            )
        name = self._only_parses.get(id(call))
        if name is not None:
            return RefusalKind.NOT_APPLICABLE, (
                f"{name} only parses ({name}.parse): it renders no template, so autoescape "
                "would change nothing"
            )
        if self._renders_into_email():
            # mailmerge's template is a whole message: TO: {{email}} would become &lt;bob@x&gt;
            return RefusalKind.ADVICE_ONLY, (
                "the rendered text is parsed as an e-mail message; select_autoescape() would "
                "escape its header values in a template named .html: set autoescape by hand"
            )
        return (
            self._prepared_markup_refusal()
            or self._markup_literal_refusal()
            or self._unescaped_names_refusal()
            or self._unescaped_templates_refusal()
            or self._given_markup_refusal(call)
        )

    def _is_environment(self, node: cst.CSTNode) -> bool:
        return isinstance(node, cst.Call) and bool(self._names.of(node.func) & _ENVIRONMENTS)

    def _reads(self, call: cst.Call) -> bool:
        """Is the environment given a loader that reads templates (none does not, nor
        ``BaseLoader``, which loads none: zaza's ``loader=jinja2.BaseLoader``)?"""
        given = keyword_arg(call, "loader")
        value = None if given is None else given.value
        value = value.func if isinstance(value, cst.Call) else value
        if value is None or m.matches(value, m.Name("None")):
            return False
        return not self._names.of(value) & _BASE_LOADERS

    def _renders_into_email(self) -> bool:
        """Does the module parse a rendered template as an e-mail message
        (``email.message_from_string(template.render(...))``, or through a name bound only
        to such a render)?"""
        for call in nodes_of_type(self._module, cst.Call):
            given = argument(call, "s", 0) if self._parses_email(call) else None
            if given is None or given.star:
                continue
            value = _unencoded(given.value)
            bound = self._bindings.of(value) if isinstance(value, cst.Name) else [value]
            if bound and all(m.matches(_unencoded(v), _RENDER) for v in bound):
                return True
        return False

    def _parses_email(self, call: cst.Call) -> bool:
        """``email.message_from_string``/``_bytes``, or ``parsestr``/``parsebytes`` of an
        ``email.parser`` parser."""
        if self._names.of(call.func) & _EMAIL_PARSERS:
            return True
        parser = call.func.value if m.matches(call.func, _PARSE_TEXT) else None
        return isinstance(parser, cst.Call) and any(
            name.startswith("email.parser.") for name in self._names.of(parser.func)
        )

    def _own_loader_directory(self, call: cst.Call) -> Path | None:
        """The folder the project's own loader of this call reads (qutebrowser's
        ``Loader('javascript')``): looked for beside the module, then in its top package."""
        root = self.project.root
        if root is None:
            return None
        here = Path(root, self.module_path).parent
        top, separator, _ = self.module_path.partition("/")
        places = [here, Path(root, top)] if separator else [here]
        return own_loader_directory(call, places)

    def visit_SimpleStatementLine(self, node: cst.SimpleStatementLine) -> None:
        self._statements.append(node)

    def leave_SimpleStatementLine(
        self, original_node: cst.SimpleStatementLine, updated_node: cst.SimpleStatementLine
    ) -> cst.SimpleStatementLine:
        self._statements.pop()
        return updated_node

    def _comment_on(self, call: cst.Call, given: cst.Arg) -> str | None:
        """The comment after the argument on its line, or on the line above it (inside the
        call, or above the statement when the argument is on the statement's first line)."""
        index = next(i for i, arg in enumerate(call.args) if arg is given)
        after = [given.whitespace_after_arg]
        if isinstance(given.comma, cst.Comma):
            after.append(given.comma.whitespace_after)
        for space in after:
            if isinstance(space, cst.ParenthesizedWhitespace) and space.first_line.comment:
                return space.first_line.comment.value
        if index:
            comma = call.args[index - 1].comma
            before = comma.whitespace_after if isinstance(comma, cst.Comma) else None
        else:
            before = call.whitespace_before_args
        if isinstance(before, cst.ParenthesizedWhitespace):
            return _last_comment(before.empty_lines)
        if self._statements and self.lines_of(given)[0] == self.lines_of(self._statements[-1])[0]:
            return _last_comment(self._statements[-1].leading_lines)
        return None

    def _escapes(self, value: cst.BaseExpression) -> bool:
        return m.matches(value, m.Name("True")) or (
            isinstance(value, cst.Call) and _SELECT in self._names.of(value.func)
        )

    def _options_escape(self, call: cst.Call) -> str | None:
        """The name of the ``**options`` the call is given, when it is bound once, to a dict
        that escapes: jupyterhub's ``dict(autoescape=True, ...)``."""
        [*_, options] = [arg.value for arg in call.args if arg.star == "**"]
        if not isinstance(options, cst.Name):
            return None
        if self._defaults_to_escaping(options.value):
            return options.value
        bound = self._bindings.of(options)
        value = _autoescape_entry(bound[0]) if bound is not None and len(bound) == 1 else None
        return options.value if value is not None and self._escapes(value) else None

    def _options_function_escapes(self, call: cst.Call) -> str | None:
        """``**f()``, where ``f`` is a function of the project's whose every return is a dict
        that escapes (ckan's ``**jinja_extensions.get_jinja_env_options()``, a function of
        ckan/lib/jinja_extensions.py, returns ``dict(..., autoescape=True, ...)``)."""
        [*_, options] = [arg.value for arg in call.args if arg.star == "**"]
        if not isinstance(options, cst.Call):
            return None
        here = dotted_module(self.module_path)
        names = {
            f"{here}.{name.name}"
            if name.source is QualifiedNameSource.LOCAL
            else absolute_name(name.name, self.module_path)
            for name in self._names.full(options.func)
        }
        if not names:
            return None
        own = summarise_options(self.module_path, module_code(self._module))
        escaping = {f"{here}.{name}" for name in own} | (self.facts or frozenset())
        return code_of(options) if names <= escaping else None

    def _lacks_autoescape(self, options: cst.BaseExpression) -> bool:
        """planemo's ``env_kwargs = {}``, then ``env_kwargs["trim_blocks"] = True``: a name
        of a function bound only to dict literals of string keys, none autoescape, used
        there only so, set by other string keys, and unpacked into calls."""
        scope = self.get_metadata(ScopeProvider, options, None)
        bound = self._bindings.of(options) if isinstance(options, cst.Name) else None
        if not isinstance(scope, FunctionScope) or not bound or scope.node is None:
            return False
        keys = [_string_keys(value) for value in bound]
        if any(found is None or "autoescape" in found for found in keys):
            return False
        name = options.value  # type: ignore[attr-defined]
        keyed = [
            target.target
            for assign in nodes_of_type(scope.node, cst.Assign)
            for target in assign.targets
            if m.matches(target.target, m.Subscript(value=m.Name(name)))
        ]
        if any(string_key(target) in (None, "autoescape") for target in keyed):
            return False
        unpacked = m.findall(scope.node, m.Arg(value=m.Name(name), star="**"))
        uses = m.findall(scope.node, m.Name(name))
        return len(uses) == len(bound) + len(keyed) + len(unpacked)

    def _defaults_to_escaping(self, options: str) -> bool:
        """Does the module set ``options.setdefault("autoescape", True)`` (or
        ``select_autoescape(...)``)? aiohttp-jinja2's ``setup()``: escaping is the default, a
        caller may turn it off on purpose."""
        setdefault = m.Call(func=m.Attribute(value=m.Name(options), attr=m.Name("setdefault")))
        return any(
            len(call.args) == 2
            and m.matches(call.args[0].value, m.SimpleString())
            and call.args[0].value.evaluated_value == "autoescape"  # type: ignore[attr-defined]
            and self._escapes(call.args[1].value)
            for call in nodes_of_type(self._module, cst.Call)
            if m.matches(call, setdefault)
        )

    def _prepared_markup_refusal(self) -> tuple[RefusalKind, str] | None:
        """bokeh's ``{{ plot_div }}``: HTML the code prepares reaches the templates as a plain
        string, which an escaping template shows as text."""
        found = self._first_in_templates(prepared_markup_expression)
        if found is None:
            return None
        shown, expression = found
        return RefusalKind.ADVICE_ONLY, (
            f"{shown} inserts {{{{ {expression} }}}}, by its name HTML or code the code "
            "prepares: passed as a plain string, it would show as text once escaped; make "
            "it Markup (or mark it |safe), then set autoescape"
        )

    def _markup_literal_refusal(self) -> tuple[RefusalKind, str] | None:
        """dirsearch's ``{{ command | e | replace('[', '<code>[</code>') }}``: markup a filter
        writes from a literal, which an escaping environment escapes too."""
        found = self._first_in_templates(markup_literal_expression)
        if found is None:
            return None
        shown, expression = found
        return RefusalKind.ADVICE_ONLY, (
            f"{shown} writes markup from a literal in {{{{ {expression} }}}}: once escaping"
            " is on, the filter's literal is escaped too and shows as text; make it Markup"
            " (or mark the result |safe), then set autoescape"
        )

    def _given_markup_refusal(self, call: cst.Call) -> tuple[RefusalKind, str] | None:
        """ironic's configure-vm.py: ``params['console'] = CONSOLE_PTY``, a literal of libvirt
        XML, given to vm.xml, which escaping would turn into text."""
        found = markup_given(self, self._module, self._bindings, call)
        if found is None:
            return None
        return RefusalKind.ADVICE_ONLY, (
            f"{found.template} is given markup ({found.key}: {found.shown}, which holds "
            f"{found.tag}): autoescape would escape it to text; mark it |safe or make it "
            "Markup() first, by hand, then set autoescape"
        )

    def _first_in_templates(
        self, find: Callable[[str], tuple[str, str] | None]
    ) -> tuple[str, str] | None:
        """(the template's path from the project's root, the expression) of the first hit of
        ``find`` in the places the module's templates are."""
        for directory in self._template_places():
            hit = find(str(directory))
            if hit is not None:
                template, expression = hit
                return (directory / template).relative_to(self.project.root).as_posix(), expression
        return None

    def _unescaped_names_refusal(self) -> tuple[RefusalKind, str] | None:
        """Why the fix would escape none of the templates the module renders by name."""
        names = self._rendered
        if not names or any(escaped_by_default(name) for name in names):
            return None
        shown = ", ".join(names[:3]) + (", ..." if len(names) > 3 else "")
        html = [name for name in names if looks_like_markup(name)]
        if html:
            return RefusalKind.ADVICE_ONLY, (
                f"renders {html[0]}, which select_autoescape() does not escape (it reads the "
                "last extension only): name the extensions to escape by hand"
            )
        return RefusalKind.NOT_APPLICABLE, (
            f"renders only {shown}, none of them HTML or XML: select_autoescape() would "
            "change nothing, and escaping is wrong for such text"
        )

    def _python_source_template(self) -> str | None:
        """A template file of Python source the module names (``nautobot_config.py.j2``)."""
        found = _PYTHON_SOURCE_TEMPLATE.search(module_code(self._module))
        return None if found is None else found[1]

    def _unescaped_templates_refusal(self) -> tuple[RefusalKind, str] | None:
        """Why the fix would escape none of the templates shipped with the module."""
        found = self._unescaped_templates()
        if found is None:
            return None
        shown, is_html = found
        if is_html:
            return RefusalKind.ADVICE_ONLY, (
                f"{shown} is HTML under a name select_autoescape() does not escape: set "
                "autoescape by hand for it (True, or the extensions its templates have)"
            )
        return RefusalKind.NOT_APPLICABLE, (
            f"the templates shipped here ({shown}, ...) are none of .html, .htm or .xml: "
            "select_autoescape() would change nothing; set autoescape by hand if the "
            "environment renders HTML from elsewhere"
        )

    def _unescaped_templates(self) -> tuple[str, bool] | None:
        """The first of the module's templates, where none is named .html, .htm or .xml
        (its path from the project's root), and whether it reads as HTML all the same.

        Looked for in the module's package, else anywhere in the project
        (freezer-dr keeps its e-mail templates in ``etc/templates``).
        """
        places = self._template_places()
        loaders = places[:1] == [self._loader_here]
        directory = next((d for d in places if ships_templates(str(d), loaders)), None)
        found = None if directory is None else only_unescaped_templates(str(directory), loaders)
        if found is None or directory is None:
            return None
        template, is_html = found
        return (directory / template).relative_to(self.project.root).as_posix(), is_html

    def _template_places(self) -> list[Path]:
        """Where to look for the templates: the loader's own directory says it all; else the
        module's package, else the project."""
        root, package = self.project.root, self._template_directory()
        if root is None or package is None:
            return []
        if package == self._loader_here:
            return [package]
        return list(dict.fromkeys((package, Path(root))))

    def _template_directory(self) -> Path | None:
        """Where the module's templates are: the directory its loader reads, its top
        package, or its own directory."""
        root = self.project.root
        if root is None:
            return None
        if self._loader_here is not None and self._loader_here.is_dir():
            return self._loader_here
        top, separator, _ = self.module_path.partition("/")
        shipped = Path(root, top) if separator and is_packaged(root, self.module_path) else None
        return shipped or Path(root, self.module_path).parent

    def _broken_template(self) -> str | None:
        """Why escaping would break one of the templates the project ships with the module."""
        directory = self._template_directory()
        if directory is None:
            return None
        helpers = markup_helpers(self._module, lambda func: bool(self._names.of(func) & MARKUP))
        found = code_block_expression(str(directory), helpers)
        if found is None:
            return None
        template, block, expression = found
        shown = (directory / template).relative_to(self.project.root).as_posix()
        return (
            f"{shown} puts {{{{ {expression} }}}} in a <{block}> block, where escaped quotes "
            "and brackets break the code: mark it |tojson or |safe, then set autoescape"
        )

    def _with_value(
        self,
        original: cst.Call,
        updated: cst.Call,
        given: cst.Arg | None,
        value: cst.Call,
    ) -> list[cst.Arg] | None:
        """The arguments with ``value`` for autoescape: in place where it fits, else with
        the arguments after it, or it, moved to a line of their own; else in place where
        the line is past the width already (flake8 reports it once either way)."""
        self._growth.hold(None)
        if given is None:
            new_arg = keyword_argument("autoescape", value)
            return self._appender.with_argument(original, updated.args, new_arg)
        index = list(original.args).index(given)
        args = list(updated.args)
        args[index] = args[index].with_changes(value=value)
        end = self.get_metadata(PositionProvider, given.value).end
        grows = len(code_of(value)) - len(code_of(given.value))
        if self._growth.fits(end.line, end.column, grows):
            self._growth.hold((end.line, end.column, grows))
            return args
        wrapped = self._wrapped_after(original, args, index, grows)
        wrapped = wrapped or self._wrapped_before(original, args, index, grows)
        if wrapped is not None:
            return wrapped
        # nbdime's 81-column Environment(..., autoescape=False) with nothing to wrap
        if self._growth.fits_or_was_long(end.line, end.column, grows):
            self._growth.hold((end.line, end.column, grows))
            return args
        return None

    def _wrapped_after(
        self, original: cst.Call, args: list[cst.Arg], index: int, grows: int
    ) -> list[cst.Arg] | None:
        """The arguments after the value moved to the next line, under the first one."""
        end = self.get_metadata(PositionProvider, original.args[index].value).end
        following = original.args[index + 1] if index + 1 < len(original.args) else None
        if following is None or self.lines_of(following)[0] != end.line:
            return None
        limit = self.project.line_length
        line = self._growth.lines[end.line - 1].rstrip("\r")
        line_of_column, column = argument_column(self, original)
        column = self._growth.shifted(line_of_column, column)
        rest = line[end.column :].split(",", 1)[1].lstrip()
        end_column = self._growth.shifted(end.line, end.column) + grows
        if end_column + 1 > limit or column + len(rest) > limit or opens_a_bracket(rest):
            return None
        return _break_after(args, index, column)

    def _wrapped_before(
        self, original: cst.Call, args: list[cst.Arg], index: int, grows: int
    ) -> list[cst.Arg] | None:
        """The argument moved to a line of its own, under the first argument on the line
        (nbdime's ``Environment(loader=..., autoescape=False)``), as a new one would go."""
        given = original.args[index]
        start = self.get_metadata(PositionProvider, given).start
        end = self.get_metadata(PositionProvider, given.value).end
        if not index or self.lines_of(original.args[index - 1])[-1] != start.line:
            return None
        if end.line != start.line:
            return None
        on_the_line = [arg for arg in original.args if self.lines_of(arg)[0] == start.line]
        first = self.get_metadata(PositionProvider, on_the_line[0]).start
        column = self._growth.shifted(first.line, first.column)
        rest = self._growth.lines[end.line - 1][end.column :].rstrip("\r")
        width = end.column - start.column + grows
        if column + width + len(rest) > self.project.line_length or opens_a_bracket(rest):
            return None
        return _break_after(args, index - 1, column)


def _break_after(args: list[cst.Arg], index: int, column: int) -> list[cst.Arg]:
    """``args`` with a line break after the comma of the one at ``index``, the next line
    starting at ``column``."""
    comma = args[index].comma
    assert isinstance(comma, cst.Comma)
    args[index] = args[index].with_changes(
        comma=comma.with_changes(whitespace_after=below_at(column))
    )
    return args


def _starred_options(call: cst.Call) -> str:
    """The last ``**`` argument of the call as written, where it is short (else kwargs)."""
    [*_, options] = [arg.value for arg in call.args if arg.star == "**"]
    code = code_of(options)
    return code if len(code) <= 60 and "\n" not in code else "kwargs"


def _unpacked(call: cst.Call) -> list[cst.BaseExpression]:
    return [arg.value for arg in call.args if arg.star == "**"]


def _string_keys(value: cst.BaseExpression) -> list[str] | None:
    """A dict literal's keys, where each is a string literal; None for anything else, or a
    key that is none (``**more``)."""
    if not isinstance(value, cst.Dict):
        return None
    keys = [getattr(element, "key", None) for element in value.elements]
    texts = [key.evaluated_value if isinstance(key, cst.SimpleString) else None for key in keys]
    strings = [text for text in texts if isinstance(text, str)]
    return strings if len(strings) == len(texts) else None


def _autoescape_entry(options: cst.BaseExpression) -> cst.BaseExpression | None:
    """The ``autoescape`` value of ``dict(autoescape=...)`` or ``{"autoescape": ...}``."""
    if isinstance(options, cst.Call) and m.matches(options.func, m.Name("dict")):
        given = keyword_arg(options, "autoescape")
        return None if given is None else given.value
    if isinstance(options, cst.Dict):
        for element in options.elements:
            key = getattr(element, "key", None)
            if isinstance(key, cst.SimpleString) and key.evaluated_value == "autoescape":
                return element.value
    return None


def _yaml_tag(module: cst.Module) -> str | None:
    """The first YAML tag the module defines (``yaml_tag = "!j2:"`` in a class, or
    ``add_constructor("!tag", ...)``); None where it defines none."""
    for node in nodes_of_type(module, cst.Assign):
        target = node.targets[0].target if len(node.targets) == 1 else None
        if m.matches(target, m.Name("yaml_tag")) and isinstance(node.value, cst.SimpleString):
            tag = node.value.evaluated_value
            if isinstance(tag, str) and tag.startswith("!"):
                return tag
    for call in nodes_of_type(module, cst.Call):
        adds = m.Attribute(attr=m.Name("add_constructor") | m.Name("add_multi_constructor"))
        first = call.args[0].value if call.args and m.matches(call.func, adds) else None
        tag = first.evaluated_value if isinstance(first, cst.SimpleString) else None
        if isinstance(tag, str) and tag.startswith("!"):
            return tag
    return None


_EMAIL_PARSERS = frozenset({"email.message_from_string", "email.message_from_bytes"})
_PARSE_TEXT = m.Attribute(attr=m.Name("parsestr") | m.Name("parsebytes"))
_RENDER = m.Call(func=m.Attribute(attr=m.Name("render")))


def _unencoded(value: cst.BaseExpression) -> cst.BaseExpression:
    """``text`` of ``text.encode(...)``; else the value itself."""
    if m.matches(value, m.Call(func=m.Attribute(attr=m.Name("encode")))):
        return value.func.value  # type: ignore[attr-defined]
    return value


# A string that names a template of Python source (its name ends .py, then the template's).
_PYTHON_SOURCE_TEMPLATE = re.compile(r"""([\w.-]+\.py\.(?:j2|jinja2?|tmpl|tpl))['"]""")
# A comment that says why a template's output is not escaped: what it makes, or escaping.
_SAYS_WHAT_IS_MADE = re.compile(
    r"escap|html|xml|markup|\bcode\b|\btext\b|sql|yaml|json|latex|shell|plain", re.IGNORECASE
)


def _last_comment(lines: Sequence[cst.EmptyLine]) -> str | None:
    """The last of the comment lines among ``lines``, where it is right above (the last)."""
    return lines[-1].comment.value if lines and lines[-1].comment else None


def _environments_that_only_parse(module: cst.Module) -> dict[int, str]:
    """The calls assigned to a name that the module uses only as ``name.parse(...)`` or
    ``name.lex(...)``, by ``id``, with the name (junos-eznc parses its tables'
    expressions with a fresh ``Environment()`` and evaluates them itself).

    Parsing does not read ``autoescape``; it is compiled into what renders.
    """
    assigns = nodes_of_type(module, cst.Assign)
    targets = Counter(
        target.target.value
        for assign in assigns
        for target in assign.targets
        if isinstance(target.target, cst.Name)
    )
    parses = Counter(
        call.func.value.value  # type: ignore[attr-defined]
        for call in nodes_of_type(module, cst.Call)
        if m.matches(call.func, _PARSE_CALL)
    )
    # Setting it up and handing it to its loader renders nothing either (nikola's jinjify.py:
    # lookup.filters[...] = ..., lookup.loader = ..., lookup.loader.get_source(lookup, ...)).
    parses += Counter(_set_up_names(module))
    uses = Counter(name.value for name in nodes_of_type(module, cst.Name))
    return {
        id(assign.value): name
        for assign in assigns
        if len(assign.targets) == 1
        and isinstance(assign.targets[0].target, cst.Name)
        and isinstance(assign.value, cst.Call)
        and parses[name := assign.targets[0].target.value]
        and uses[name] == parses[name] + targets[name]
    }


_PARSE_CALL = m.Attribute(value=m.Name(), attr=m.Name("parse") | m.Name("lex"))


def _set_up_names(module: cst.Module) -> list[str]:
    """Each use of a name that sets an attribute of it (``env.loader = ...``,
    ``env.filters[key] = ...``) or asks its loader for a source
    (``env.loader.get_source(env, name)``)."""
    names = []
    for assign in nodes_of_type(module, cst.Assign):
        for target in assign.targets:
            node = target.target
            node = node.value if isinstance(node, cst.Subscript) else node
            if m.matches(node, m.Attribute(value=m.Name())):
                names.append(node.value.value)  # type: ignore[attr-defined]
    for call in nodes_of_type(module, cst.Call):
        if m.matches(call.func, m.Attribute(attr=m.Name("get_source"))) and call.args:
            first = call.args[0].value
            if isinstance(first, cst.Name):
                names.append(first.value)
            loader = call.func.value  # type: ignore[attr-defined]
            if m.matches(loader, m.Attribute(value=m.Name(), attr=m.Name("loader"))):
                names.append(loader.value.value)
    return names


def _select_spelling(module: cst.Module) -> str | None:
    """How the module's top-level imports name ``jinja2.select_autoescape``, if they do."""
    bound: dict[str, str] = {}
    lines = list(module.body[: end_of_import_block(module.body)])
    # honcho's try: import jinja2 / except ImportError: print(...); sys.exit(1)
    lines += [
        line for tried in module.body if isinstance(tried, cst.Try) for line in tried.body.body
    ]
    for statement in lines:
        if isinstance(statement, cst.SimpleStatementLine):
            for small in statement.body:
                if isinstance(small, (cst.Import, cst.ImportFrom)):
                    bound.update(imported_names(small))
    for local, dotted in bound.items():
        if dotted == _SELECT:
            return local
    for local, dotted in bound.items():
        if dotted == "jinja2" and "." not in local:
            return f"{local}.select_autoescape"
    return None


def _imports_jinja_anywhere(module: cst.Module) -> bool:
    """Does the module import jinja2 anywhere (inside a function, where none is at the top)?"""
    imports = m.ImportFrom(module=m.Name("jinja2")) | m.ImportAlias(name=m.Name("jinja2"))
    return bool(m.findall(module, imports))
