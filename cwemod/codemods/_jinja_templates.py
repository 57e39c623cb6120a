"""jinja2-autoescape: the templates a module renders, and the shipped ones escaping breaks.

``select_autoescape()`` escapes templates named ``.html``, ``.htm`` or
``.xml``. Inside a ``<script>`` or ``<style>`` block the browser does not
decode HTML entities, so an expression escaped there (Rally's
``$scope.data = {{ data }};``, or a whole library inserted with
``{{ include_raw_file(...) }}``) comes out with its quotes and angle
brackets as ``&#34;`` and ``&lt;``, and the script breaks. Such an
expression has to say it is code first (``|tojson`` or ``|safe``).
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Sequence
from pathlib import Path

import libcst as cst

from cwemod.codemods._jinja_markup import MarkupHelpers
from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.calls import argument, called_name, keyword_arg, name_words
from cwemod.codemods.kit.match import nodes_of_type

ESCAPED_EXTENSIONS = (".html", ".htm", ".xml")
_CODE_BLOCK = re.compile(r"<(script|style)\b[^>]*>(.*?)</\1\s*>", re.DOTALL | re.IGNORECASE)
_RAW = re.compile(r"{%-?\s*raw\s*-?%}.*?{%-?\s*endraw\s*-?%}", re.DOTALL)
_EXPRESSION = re.compile(r"{{-?(.*?)-?}}", re.DOTALL)
_FILTER = re.compile(r"\|\s*(\w+)")
_BLOCK_TAG = re.compile(r"{%-?\s*(?:block\s+(\w+)|endblock)\b.*?%}", re.DOTALL)
_BLOCK_OPENS = re.compile(r"{%-?\s*block\s+(\w+)")
_EXTENDS = re.compile(r"""{%-?\s*extends\s+(['"])(.+?)\1""")
_MARKUP_FILTERS = frozenset({"safe", "tojson"})
_FIRST_NAME = re.compile(r"\s*([A-Za-z_]\w*)\s*(?:$|[|\s])")
# The last word of a value's name that says it holds prepared markup or code.
_MARKUP_WORDS = frozenset({"html", "div", "script", "css", "js", "svg", "markup"})
# Not searched for templates: what no code renders (documentation, tests) or ships.
_SKIPPED_DIRECTORIES = frozenset(
    {
        "node_modules",
        "__pycache__",
        "site-packages",
        "venv",
        "doc",
        "docs",
        "api-ref",
        "releasenotes",
        "tests",
    }
)
_HTML_TAG = re.compile(r"<(!doctype\s+html|html|head|body|div|table|p|br|a\s)[\s>/]", re.IGNORECASE)
# Files beside the templates that are none (nbconvert's templates/README.md).
_NOT_TEMPLATES = re.compile(r"(?:readme|license|licence|copying|changelog)\b", re.IGNORECASE)
# Jinja's own loaders, whose folders loader_directory() reads.
_JINJA_LOADERS = frozenset({"FileSystemLoader", "PackageLoader", "ChoiceLoader", "PrefixLoader"})
_TEMPLATE_EXTENSIONS = frozenset({".j2", ".jinja", ".jinja2", ".tmpl", ".tpl", ".template"})
# Folders whose files are templates, and the ones below them.
_TEMPLATE_FOLDERS = frozenset({"templates", "template"})
_LARGEST = 4 << 20  # bytes: a larger file is no hand-written template
# Environment methods that take template names, and the keyword of the name(s).
LOADS_BY_NAME = {
    "get_template": "name",
    "select_template": "names",
    "get_or_select_template": "template_name_or_list",
}


@functools.lru_cache(maxsize=16)
def code_block_expression(directory: str, helpers: MarkupHelpers) -> tuple[str, str, str] | None:
    """The first escaped template under ``directory`` that puts an expression in code.

    ``(template path relative to directory, "script" or "style",
    expression)``; None when every such expression is marked ``|tojson``
    or ``|safe`` (or inside ``{% raw %}``), or is a call of one of the module's
    ``helpers`` that return Markup, or filtered by one.
    """
    escaped, others = _templates(directory)
    shipped = [*escaped, *others]
    read: dict[tuple[Path, int], dict[str, str]] = {}  # a parent's blocks, read once
    for path in escaped:
        text = _template_text(path)
        if text is None or "{{" not in text:
            continue
        text = _RAW.sub("", text)
        inherited = _parent_code_blocks(text, Path(directory), shipped, read)
        found = _unmarked_in_code(text, helpers, inherited)
        if found is not None:
            return (path.relative_to(directory).as_posix(), *found)
    return None


def _parent_code_blocks(
    text: str,
    top: Path,
    shipped: list[Path],
    read: dict[tuple[Path, int], dict[str, str]],
    depth: int = 0,
) -> dict[str, str]:
    """The blocks a template's ``{% extends %}`` parent (and its parents) puts inside a
    ``<script>`` or ``<style>`` block, by name, with ``"script"`` or ``"style"``: Rally's
    base.html has ``<script>{% block js_before %}{% endblock %}</script>``, which
    task/report.html fills with ``$scope.source = {{ source }};``. ``read`` keeps each
    parent's, by its path and depth, for the other templates that extend it."""
    parent = _extended(text, top, shipped) if depth < 8 else None
    if parent is None:
        return {}
    if (parent, depth) not in read:
        read[parent, depth] = _blocks_of_parent(parent, top, shipped, read, depth)
    return dict(read[parent, depth])


def _blocks_of_parent(
    parent: Path,
    top: Path,
    shipped: list[Path],
    read: dict[tuple[Path, int], dict[str, str]],
    depth: int,
) -> dict[str, str]:
    parent_text = _template_text(parent)
    if parent_text is None:
        return {}
    parent_text = _RAW.sub("", parent_text)
    found = _parent_code_blocks(parent_text, top, shipped, read, depth + 1)
    found.update(_code_blocks_in(parent_text, found))
    return found


def _code_blocks_in(text: str, inherited: dict[str, str]) -> dict[str, str]:
    """The blocks ``text`` opens inside a ``<script>``/``<style>`` block of its own, or
    inside a block of ``inherited`` (which its parents put in one)."""
    found = {}
    for code in _CODE_BLOCK.finditer(text):
        found.update(dict.fromkeys(_BLOCK_OPENS.findall(code[2]), code[1].lower()))
    for name, body in _blocks(text):
        if name in inherited:
            found.update(dict.fromkeys(_BLOCK_OPENS.findall(body), inherited[name]))
    return found


def _extended(text: str, top: Path, shipped: list[Path]) -> Path | None:
    """The template ``{% extends "name" %}`` names: under ``top``, else the shipped
    template whose path ends with the name; None for a name only the running code knows."""
    given = _EXTENDS.search(text)
    if given is None:
        return None
    name = given[2].lstrip("/")
    if (top / name).is_file():
        return top / name
    return next((path for path in shipped if path.as_posix().endswith(f"/{name}")), None)


def _blocks(text: str) -> list[tuple[str, str]]:
    """Each ``{% block name %}`` of ``text`` with its body, nested ones too."""
    found, opened = [], []
    for tag in _BLOCK_TAG.finditer(text):
        if tag[1] is not None:
            opened.append((tag[1], tag.end()))
        elif opened:
            name, start = opened.pop()
            found.append((name, text[start : tag.start()]))
    return found


def only_unescaped_templates(directory: str, every_file: bool = False) -> tuple[str, bool] | None:
    """A template shipped under ``directory`` when none there is one select_autoescape() escapes.

    Its path relative to ``directory`` (z/VM's ``vmactions/templates/grow_root_volume.j2``),
    and whether it is HTML all the same (freezer-dr's e-mails, ``error.jinja``): the
    first such template if there is one. None when an ``.html``, ``.htm`` or ``.xml``
    file with Jinja in it is there too (frappe-bench's static ``502.html``, which nginx
    serves, is none), or no template is.
    """
    escaped, others = _templates(directory, every_file)
    if any(map(_uses_jinja, escaped)) or not others:
        return None
    html = next((path for path in others if _reads_as_html(path)), None)
    return (html or others[0]).relative_to(directory).as_posix(), html is not None


def ships_templates(directory: str, every_file: bool = False) -> bool:
    """Is there a template, or an ``.html``, ``.htm`` or ``.xml`` file, under ``directory``?"""
    escaped, others = _templates(directory, every_file)
    return bool(escaped or others)


def _uses_jinja(path: Path) -> bool:
    """Does the file hold a Jinja expression or statement (or cannot it be read to tell)?"""
    text = _template_text(path)
    return text is None or "{{" in text or "{%" in text


def _reads_as_html(path: Path) -> bool:
    try:
        with path.open(encoding="utf-8", errors="replace") as text:
            start = text.read(4096)
    except OSError:
        return False
    return _HTML_TAG.search(start) is not None


@functools.lru_cache(maxsize=16)
def _templates(top: str, every_file: bool = False) -> tuple[list[Path], list[Path]]:
    """The files under ``top`` select_autoescape() escapes, and the other templates there.

    Another template is a file named ``.j2``, ``.jinja``, ``.jinja2``, ``.tmpl``,
    ``.tpl`` or ``.template`` (neutron-vpnaas's ``ipsec.conf.template``), or any file
    in a directory named ``templates`` or ``template`` or below one (or anywhere, with
    ``every_file``: a loader's own directory, lektor's ``quickstart-templates`` of
    ``.in`` files).
    """
    escaped: list[Path] = []
    others: list[Path] = []
    for directory, subdirectories, files in os.walk(top):
        subdirectories[:] = sorted(
            name
            for name in subdirectories
            if not name.startswith(".") and name not in _SKIPPED_DIRECTORIES
        )
        # honcho's templates/systemd/process.service: a folder below templates/ holds them too
        parts = Path(directory).relative_to(top).parts
        in_templates = every_file or not _TEMPLATE_FOLDERS.isdisjoint(parts)
        for name in sorted(files):
            suffix = Path(name).suffix.lower()
            if suffix in ESCAPED_EXTENSIONS:
                escaped.append(Path(directory, name))
            elif suffix in _TEMPLATE_EXTENSIONS or (
                in_templates and suffix not in (".py", ".pyc") and not _NOT_TEMPLATES.match(name)
            ):
                others.append(Path(directory, name))
    return escaped, others


def loader_directory(module: cst.Module, module_directory: Path) -> Path | None:
    """The one directory the module's ``FileSystemLoader`` reads, where its path is built
    from the module's own location (pelican's quickstart loads ``tools/templates`` beside
    it, not the themes elsewhere in the package); None when that is not known."""
    constants = {
        target.target.value: statement.body[0].value
        for statement in module.body
        if m.matches(
            statement, m.SimpleStatementLine([m.Assign(targets=[m.AssignTarget(m.Name())])])
        )
        for target in statement.body[0].targets  # type: ignore[attr-defined]
    }
    found = set()
    for call in nodes_of_type(module, cst.Call):
        if called_name(call) == "FileSystemLoader":
            given = argument(call, "searchpath", 0)
            path = (
                None if given is None else _path_from_here(given.value, constants, module_directory)
            )
        elif called_name(call) == "PackageLoader":
            path = _package_loader_directory(call, module_directory)
        else:
            continue
        if path is None:
            return None
        found.add(path)
    return found.pop() if len(found) == 1 else None


def own_loader_directory(call: cst.Call, places: Sequence[Path]) -> Path | None:
    """The folder a loader of the project's own reads for this ``Environment(...)`` call,
    where it is given the folder's name alone (qutebrowser's ``Loader('javascript')``,
    reading the package's ``javascript/``) and one of ``places`` holds it; else None."""
    given = _value_of(keyword_arg(call, "loader"))
    if not isinstance(given, cst.Call) or called_name(given) in _JINJA_LOADERS:
        return None
    if len(given.args) != 1 or given.args[0].keyword is not None:
        return None
    names = _literal_names(_value_of(given.args[0]))
    if names is None or len(names) != 1 or not names[0].isidentifier():
        return None
    return next((place / names[0] for place in places if (place / names[0]).is_dir()), None)


def _package_loader_directory(call: cst.Call, module_directory: Path) -> Path | None:
    """``PackageLoader("lektor", "quickstart-templates/%s" % base)``: the package's folder
    found above the module, then the literal folders the path starts with."""
    package = _literal_names(_value_of(argument(call, "package_name", 0)))
    given = argument(call, "package_path", 1)
    folder = ["templates"] if given is None else _literal_folders(given.value)
    if package is None or len(package) != 1 or not folder:
        return None
    top, *rest = package[0].split(".")
    above = [module_directory, *module_directory.parents]
    base = next((d for d in above if d.name == top and (d / "__init__.py").is_file()), None)
    return None if base is None else base.joinpath(*rest, *folder)


def _value_of(arg: cst.Arg | None) -> cst.BaseExpression | None:
    return None if arg is None or arg.star else arg.value


def _literal_folders(value: cst.BaseExpression) -> list[str]:
    """The folders a path's literal start names: ``"quickstart-templates/%s" % base`` ->
    ``["quickstart-templates"]``; nothing when no whole folder is literal."""
    if isinstance(value, cst.BinaryOperation) and isinstance(value.operator, cst.Modulo):
        value = value.left
    joined = _joined_literals(value)
    if joined is not None:
        return [part for part in joined.split("/") if part]
    names = _literal_names(value)
    if names is None or len(names) != 1:
        return []
    text = names[0].split("%", 1)[0].split("{", 1)[0]
    whole = text if "%" not in names[0] and "{" not in names[0] else text.rpartition("/")[0]
    return [part for part in whole.split("/") if part]


def _joined_literals(value: cst.BaseExpression) -> str | None:
    """ploomber's ``str(Path("resources", "ploomber_add"))``, or ``os.path.join("a", "b")``:
    the path its literal parts make, as ``"a/b"``; else None."""
    if m.matches(value, m.Call(func=m.Name("str"), args=[m.Arg(keyword=None, star="")])):
        value = value.args[0].value  # type: ignore[attr-defined]
    if not isinstance(value, cst.Call) or called_name(value) not in ("Path", "PurePath", "join"):
        return None
    if not value.args or any(arg.keyword is not None or arg.star for arg in value.args):
        return None
    if m.matches(value.func, m.Attribute(value=m.SimpleString())):
        return None  # "-".join(...): a string's join, no path's
    parts = [_literal_names(arg.value) for arg in value.args]
    if any(part is None or len(part) != 1 for part in parts):
        return None
    return "/".join(part[0] for part in parts if part)


def _path_from_here(
    value: cst.BaseExpression, constants: dict[str, cst.BaseExpression], here: Path, depth: int = 0
) -> Path | None:
    """The path ``value`` names, built from ``__file__``'s directory and literals; else None."""
    if depth > 4:
        return None
    if isinstance(value, cst.Name):
        bound = constants.get(value.value)
        return None if bound is None else _path_from_here(bound, constants, here, depth + 1)
    if isinstance(value, cst.BinaryOperation) and isinstance(value.operator, cst.Divide):
        base = _path_from_here(value.left, constants, here, depth + 1)
        part = _literal_names(value.right)
        return None if base is None or part is None else base.joinpath(*part)
    if isinstance(value, cst.Attribute) and value.attr.value == "parent":
        return here if _names_this_file(value.value) else None
    if not isinstance(value, cst.Call):
        return None
    name = called_name(value)
    if name == "dirname" and len(value.args) == 1 and _names_this_file(value.args[0].value):
        return here
    if name == "join" and value.args:
        base = _path_from_here(value.args[0].value, constants, here, depth + 1)
        parts = [_literal_names(arg.value) for arg in value.args[1:]]
        if base is None or any(part is None for part in parts):
            return None
        return base.joinpath(*(name for part in parts for name in part or ()))
    return None


def _names_this_file(value: cst.BaseExpression) -> bool:
    """``__file__``, or it made absolute: ``os.path.abspath(__file__)``, ``Path(__file__)``,
    ``Path(__file__).resolve()``."""
    if m.matches(value, m.Name("__file__")):
        return True
    if isinstance(value, cst.Call):
        if called_name(value) in ("abspath", "realpath", "Path") and len(value.args) == 1:
            return _names_this_file(value.args[0].value)
        if called_name(value) in ("resolve", "absolute") and isinstance(value.func, cst.Attribute):
            return _names_this_file(value.func.value)
    return False


@functools.lru_cache(maxsize=16)
def prepared_markup_expression(directory: str) -> tuple[str, str] | None:
    """The first template under ``directory`` (of any name) that inserts a value named as
    HTML the code prepares (bokeh's ``{{ plot_div }}``, ``{{ bokeh_js }}``), unmarked.

    ``(template path relative to directory, expression)``. Such a value reaches the
    template as a plain string: a template that escapes shows it as text.
    """
    escaped, others = _templates(directory)
    for path in [*escaped, *others]:
        text = _template_text(path)
        found = None if text is None else _prepared_markup(text)
        if found is not None:
            return path.relative_to(directory).as_posix(), found
    return None


@functools.lru_cache(maxsize=16)
def markup_literal_expression(directory: str) -> tuple[str, str] | None:
    """The first template under ``directory`` with an expression whose filter writes markup
    it is given as a literal (dirsearch's ``{{ command | e | replace('[', '<code>[</code>')
    }}``), unmarked: ``(template path relative to directory, expression)``. Once the
    environment escapes, the filter's literal is escaped too and shows as text."""
    escaped, others = _templates(directory)
    for path in [*escaped, *others]:
        text = _template_text(path)
        if text is None or "{{" not in text:
            continue
        for expression in _EXPRESSION.finditer(_RAW.sub("", text)):
            filters = set(_FILTER.findall(expression[1]))
            if not filters & _MARKUP_FILTERS and _MARKUP_LITERAL.search(expression[1]):
                return path.relative_to(directory).as_posix(), " ".join(expression[1].split())
    return None


# A filter given a string literal that holds a tag: ``replace('[', '<code>[</code>')``.
_MARKUP_LITERAL = re.compile(r"""\|[^'"]*\(.*?(['"])[^'"]*<[A-Za-z/!][^'"]*\1""")


def _template_text(path: Path) -> str | None:
    """The template's text; None for one too large to be hand-written, or unreadable."""
    try:
        if path.stat().st_size > _LARGEST:
            return None
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None


def _prepared_markup(text: str) -> str | None:
    if "{{" not in text:
        return None
    for expression in _EXPRESSION.finditer(_RAW.sub("", text)):
        filters = set(_FILTER.findall(expression[1]))
        first = _FIRST_NAME.match(expression[1])
        if first is None or filters & _MARKUP_FILTERS:
            continue
        if _MARKUP_WORDS.intersection(name_words(first[1])[-1:]):
            return " ".join(expression[1].split())
    return None


def _unmarked_in_code(
    text: str, helpers: MarkupHelpers, inherited: dict[str, str]
) -> tuple[str, str] | None:
    """The first unmarked expression ``text`` puts in a ``<script>``/``<style>`` block of
    its own, or in a block of ``inherited`` (one its parent template puts in such a block):
    ``("script" or "style", expression)``."""
    marking = _MARKUP_FILTERS | helpers.filters
    code = [(block[1].lower(), block[2]) for block in _CODE_BLOCK.finditer(text)]
    if inherited:
        code += [(inherited[n], body) for n, body in _blocks(text) if n in inherited]
    for kind, body in code:
        for expression in _EXPRESSION.finditer(body):
            filters = set(_FILTER.findall(expression[1]))
            if not filters & marking and not helpers.call_in(expression[1]):
                return kind, " ".join(expression[1].split())
    return None


def rendered_template_names(module: cst.Module) -> list[str] | None:
    """The names of every template ``module`` asks an environment for, when all are literals.

    None when it asks for none, or for one whose name only the running code
    knows (a variable, an f-string).
    """
    names: list[str] = []
    for call in nodes_of_type(module, cst.Call):
        func = call.func
        if not (isinstance(func, cst.Attribute) and func.attr.value in LOADS_BY_NAME):
            continue
        given = argument(call, LOADS_BY_NAME[func.attr.value], 0)
        literals = _literal_names(given.value if given is not None else None)
        if literals is None:
            return None
        names += literals
    return sorted(set(names)) or None


def _literal_names(value: cst.BaseExpression | None) -> list[str] | None:
    if isinstance(value, (cst.List, cst.Tuple)):
        found = [_literal_names(element.value) for element in value.elements]
        if any(names is None for names in found):
            return None
        return [name for names in found for name in names or ()]
    if isinstance(value, (cst.SimpleString, cst.ConcatenatedString)):
        text = value.evaluated_value
        return [text] if isinstance(text, str) else None
    return None


def escaped_by_default(name: str) -> bool:
    """Does ``select_autoescape()`` escape the template ``name``?"""
    return name.lower().endswith(ESCAPED_EXTENSIONS)


def looks_like_markup(name: str) -> bool:
    """A name like ``page.html.j2``: HTML or XML under a last extension of its own."""
    suffixes = [suffix.lower() for suffix in Path(name).suffixes]
    return any(suffix in ESCAPED_EXTENSIONS for suffix in suffixes)
