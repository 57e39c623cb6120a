"""jinja2-autoescape: the rewritten environment renders for real with Jinja2.

The before_after cases show the shapes; these tests render templates with
the environment before and after the fix (when Jinja2 is installed: it is
the target project's dependency, not cwemod's).
"""

from __future__ import annotations

import textwrap

import pytest

from cwemod.codemods import Applicability, LineRange, RefusalKind
from cwemod.codemods.kit.project import Project
from cwemod.codemods.surveys import survey_of
from cwemod.engine import transform_source

CODEMOD = "jinja2-autoescape"

ENVIRONMENT = textwrap.dedent(
    """\
    import jinja2


    def environment(templates):
        return jinja2.Environment(loader=jinja2.DictLoader(templates))
    """
)
TEMPLATES = {"page.html": "<p>{{ name }}</p>", "haproxy.conf": "server {{ name }}"}
HOSTILE = "<script>alert(1)</script> & co"


def _fixed(text=ENVIRONMENT, **kwargs):
    return transform_source(text, [(CODEMOD, {})], allow_review=True, **kwargs)


def _environment(text):
    namespace = {"__name__": "rewritten"}
    exec(compile(text, "rewritten.py", "exec"), namespace)
    return namespace["environment"](TEMPLATES)


def test_the_environment_gets_select_autoescape_for_review():
    outcome = _fixed()
    assert "autoescape=jinja2.select_autoescape())" in outcome.text
    [fix] = outcome.fixes
    assert fix.applicability is Applicability.REVIEW
    assert "mark it |safe" in fix.reason


def test_html_templates_are_escaped_after_the_fix_and_other_templates_render_as_before():
    pytest.importorskip("jinja2")
    before, after = _environment(ENVIRONMENT), _environment(_fixed().text)
    page = before.get_template("page.html").render(name=HOSTILE)
    assert page == f"<p>{HOSTILE}</p>"
    escaped = after.get_template("page.html").render(name=HOSTILE)
    assert escaped == "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</p>"
    for environment in (before, after):
        config = environment.get_template("haproxy.conf").render(name=HOSTILE)
        assert config == f"server {HOSTILE}"


def test_markup_marked_safe_still_renders_as_markup():
    pytest.importorskip("jinja2")
    markupsafe = pytest.importorskip("markupsafe")
    after = _environment(_fixed().text)
    assert after.from_string("{{ x|safe }}").render(x="<b>bold</b>") == "<b>bold</b>"
    assert after.from_string("{{ x }}").render(x=markupsafe.Markup("<b>b</b>")) == "<b>b</b>"


def test_a_function_deciding_per_template_is_left_alone():
    text = "import jinja2\n\nENV = jinja2.Environment(autoescape=lambda name: False)\n"
    outcome = _fixed(text)
    assert outcome.text == text and not outcome.fixes
    [refusal] = outcome.refusals
    assert refusal.kind is RefusalKind.ADVICE_ONLY
    assert "decides per template or elsewhere" in refusal.reason


def test_a_report_finding_on_the_call_gets_the_fix():
    outcome = _fixed(targets={CODEMOD: [LineRange(5, 5, "B701-1")]})
    assert [(fix.line, fix.findings) for fix in outcome.fixes] == [(5, ("B701-1",))]


def test_select_autoescape_is_imported_on_a_line_of_its_own():
    """Beside the module's ``from jinja2 import``, never joined to it (hacking's H301)."""
    text = "from jinja2 import (\n    Environment,\n)\n\nENV = Environment()\n"
    outcome = _fixed(text)
    assert outcome.text.startswith(
        "from jinja2 import (\n    Environment,\n)\nfrom jinja2 import select_autoescape\n"
    )
    assert "Environment(autoescape=select_autoescape())" in outcome.text


def test_without_an_import_to_put_it_beside_the_fix_is_refused():
    text = "from jinja2.environment import Environment\n\nENV = Environment()\n"
    outcome = _fixed(text)
    assert outcome.text == text
    assert "select_autoescape" in outcome.refusals[0].reason


def test_an_import_tried_at_the_top_is_one_to_use():
    """honcho: try: import jinja2 / except ImportError: print(...); sys.exit(1)."""
    text = (
        "import sys\n\ntry:\n    import jinja2\nexcept ImportError:\n    sys.exit(1)\n\n"
        "ENV = jinja2.Environment()\n"
    )
    outcome = _fixed(text)
    assert "jinja2.Environment(autoescape=jinja2.select_autoescape())" in outcome.text


def test_test_code_is_left_alone():
    outcome = _fixed(module_path="tests/unit/test_templates.py")
    assert outcome.text == ENVIRONMENT and not outcome.fixes and not outcome.refusals


SCRIPT_TEMPLATE = "<script>\n  var data = {{ data }};\n</script>\n<p>{{ name }}</p>\n"


def _shipped(tmp_path, template, name="report.html", source=ENVIRONMENT):
    """A package whose templates directory holds ``name``: the fix's outcome there."""
    (tmp_path / "setup.cfg").write_text("[metadata]\nname = pkg\n")
    (tmp_path / "pkg/templates").mkdir(parents=True, exist_ok=True)
    (tmp_path / "pkg/__init__.py").write_text("")
    (tmp_path / "pkg/templates" / name).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / "pkg/templates" / name).write_text(template)
    return _fixed(source, project=Project(root=str(tmp_path)), module_path="pkg/ui.py")


@pytest.mark.parametrize(
    "name",
    ["grow_root_volume.j2", "haproxy.cfg", "network.tmpl", "systemd/process.service"],  # honcho's
)
def test_a_package_that_ships_no_html_template_is_not_applicable(tmp_path, name):
    outcome = _shipped(tmp_path, "echo {{ device }}\n", name)
    assert outcome.text == ENVIRONMENT
    [refusal] = outcome.refusals
    assert refusal.kind is RefusalKind.NOT_APPLICABLE
    assert refusal.reason.startswith(f"the templates shipped here (pkg/templates/{name}, ...)")


@pytest.mark.parametrize("html", [False, True])
def test_escaping_templates_that_are_not_html_is_not_called_fixed(tmp_path, html):
    """checkov's prompt.py renders Python source with autoescape=True: a quote in a
    description becomes &#34."""
    escaping = ENVIRONMENT.replace("(templates))", "(templates), autoescape=True)")
    (tmp_path / "pkg/templates").mkdir(parents=True)
    (tmp_path / "pkg/templates/check.jinja2").write_text('description = "{{ desc }}"\n')
    if html:
        (tmp_path / "pkg/templates/page.html").write_text("<p>{{ name }}</p>\n")
    (tmp_path / "pkg/__init__.py").write_text("")
    (tmp_path / "setup.cfg").write_text("[metadata]\nname = pkg\n")
    outcome = _fixed(escaping, project=Project(root=str(tmp_path)), module_path="pkg/ui.py")
    assert outcome.text == escaping
    [refusal] = outcome.refusals
    if html:
        assert (refusal.kind, refusal.reason) == (
            RefusalKind.ALREADY_FIXED,
            "already escapes HTML templates",
        )
    else:
        assert refusal.kind is RefusalKind.NOT_APPLICABLE
        assert "autoescape=True escapes what they write all the same" in refusal.reason


@pytest.mark.parametrize(
    "template",
    # neutron-vpnaas's device_drivers/template/strongswan/ipsec.conf.template, each rule alone
    ["drivers/template/strongswan/ipsec.conf", "drivers/ipsec.conf.template"],
)
def test_a_template_folder_or_suffix_holds_templates_too(tmp_path, template):
    escaping = ENVIRONMENT.replace("(templates))", "(templates), autoescape=True)")
    (tmp_path / "pkg" / template).parent.mkdir(parents=True)
    (tmp_path / "pkg" / template).write_text("rightid={{ connection.peer_id }}\n")
    (tmp_path / "pkg/__init__.py").write_text("")
    (tmp_path / "setup.cfg").write_text("[metadata]\nname = pkg\n")
    outcome = _fixed(escaping, project=Project(root=str(tmp_path)), module_path="pkg/ui.py")
    [refusal] = outcome.refusals
    assert refusal.kind is RefusalKind.NOT_APPLICABLE
    assert refusal.reason.startswith(f"the templates shipped here (pkg/{template}, ...)")


def test_html_under_a_name_it_does_not_escape_gets_advice(tmp_path):
    """freezer-dr: e-mail templates outside the package, HTML named .jinja."""
    (tmp_path / "etc/templates").mkdir(parents=True)
    (tmp_path / "etc/templates/error.jinja").write_text("<!doctype html>\n<p>{{ e }}</p>\n")
    (tmp_path / "doc").mkdir()
    (tmp_path / "doc/diagram.xml").write_text("<mxfile/>\n")  # documentation: not rendered
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg/__init__.py").write_text("")
    (tmp_path / "setup.cfg").write_text("[metadata]\nname = pkg\n")
    outcome = _fixed(project=Project(root=str(tmp_path)), module_path="pkg/utils.py")
    assert outcome.text == ENVIRONMENT
    [refusal] = outcome.refusals
    assert refusal.kind is RefusalKind.ADVICE_ONLY
    assert refusal.reason.startswith("etc/templates/error.jinja is HTML under a name")


def test_a_package_that_ships_html_and_other_templates_gets_the_fix(tmp_path):
    (tmp_path / "pkg/templates").mkdir(parents=True)
    (tmp_path / "pkg/templates/grow_root_volume.j2").write_text("echo {{ device }}\n")
    assert "select_autoescape" in _shipped(tmp_path, "<p>{{ name }}</p>\n").text


def test_a_static_html_page_beside_other_templates_is_no_html_template(tmp_path):
    """frappe-bench's config templates: nginx.conf and the like, and 502.html, a static
    page nginx serves by its path, with no Jinja in it: escaping would change nothing."""
    (tmp_path / "pkg/templates").mkdir(parents=True)
    (tmp_path / "pkg/templates/502.html").write_text("<html><body>Restarting</body></html>\n")
    outcome = _shipped(tmp_path, "server_name {{ name }};\n", "nginx.conf")
    assert outcome.text == ENVIRONMENT
    [refusal] = outcome.refusals
    assert refusal.kind is RefusalKind.NOT_APPLICABLE


def test_an_expression_in_a_script_block_is_refused_naming_the_template(tmp_path):
    outcome = _shipped(tmp_path, SCRIPT_TEMPLATE)
    assert outcome.text == ENVIRONMENT
    [refusal] = outcome.refusals
    assert refusal.kind is RefusalKind.ADVICE_ONLY
    assert refusal.reason.startswith(
        "pkg/templates/report.html puts {{ data }} in a <script> block"
    )


QUICKSTART = textwrap.dedent(
    """\
    import os

    from jinja2 import Environment, FileSystemLoader

    _TEMPLATES_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "templates")
    _jinja_env = Environment(loader=FileSystemLoader(_TEMPLATES_DIR), trim_blocks=True)
    """
)


@pytest.mark.parametrize(
    "loaded", ["_TEMPLATES_DIR", 'Path(__file__).resolve().parent / "templates"']
)
def test_the_directory_the_loader_reads_decides_not_the_package(tmp_path, loaded):
    """pelican's quickstart loads tools/templates beside it, not the package's themes."""
    _shipped(tmp_path, SCRIPT_TEMPLATE)  # pkg/templates/report.html: HTML, a script block
    (tmp_path / "pkg/tools/templates").mkdir(parents=True)
    (tmp_path / "pkg/tools/templates/Makefile.jinja2").write_text("all: {{ target }}\n")
    (tmp_path / "pkg/tools/templates/README.md").write_text("# The quickstart's templates\n")
    source = QUICKSTART.replace("FileSystemLoader(_TEMPLATES_DIR)", f"FileSystemLoader({loaded})")
    source = "from pathlib import Path\n" + source
    project = Project(root=str(tmp_path))
    outcome = _fixed(source, project=project, module_path="pkg/tools/quickstart.py")
    assert outcome.text == source
    [refusal] = outcome.refusals
    assert refusal.kind is RefusalKind.NOT_APPLICABLE
    assert refusal.reason.startswith(
        "the templates shipped here (pkg/tools/templates/Makefile.jinja2, ...)"
    )


def test_a_test_rendering_from_strings_is_test_code_first():
    source = ENVIRONMENT + "\n\ndef render(text):\n    return environment({}).from_string(text)\n"
    outcome = _fixed(source, module_path="tests/filters/test_markdown.py")
    assert outcome.text == source and not outcome.fixes and not outcome.refusals


@pytest.mark.parametrize("marked", ["{{ data|tojson }}", "{{ data | safe }}"])
def test_an_expression_marked_as_code_lets_the_fix_through(tmp_path, marked):
    outcome = _shipped(tmp_path, SCRIPT_TEMPLATE.replace("{{ data }}", marked))
    assert "autoescape=jinja2.select_autoescape())" in outcome.text


BASE = "<script>{% block js %}{% endblock %}</script>\n<h1>{% block title %}{% endblock %}</h1>\n"
PAGE = '{% extends "base.html" %}{% block js %}var d = DATA;{% endblock %}'


@pytest.mark.parametrize(
    ("data", "title", "refused"),
    [
        ("{{ data }}", "", "pkg/templates/task/page.html puts {{ data }} in a <script> block"),
        ("{{ data|tojson }}", "{{ title }}", None),  # Rally's base.html, marked
        ("1", "{% block sub %}{% endblock %}", None),  # a block outside the script
    ],
)
def test_a_block_the_parent_template_puts_in_a_script_block_counts(tmp_path, data, title, refused):
    (tmp_path / "pkg/templates").mkdir(parents=True)
    (tmp_path / "pkg/templates/base.html").write_text(BASE)
    page = PAGE.replace("DATA", data) + "{% block title %}" + title + "{% endblock %}"
    outcome = _shipped(tmp_path, page, "task/page.html")
    if refused is None:
        assert "autoescape=jinja2.select_autoescape())" in outcome.text
    else:
        assert outcome.text == ENVIRONMENT
        assert outcome.refusals[0].reason.startswith(refused)


def test_escaping_really_breaks_a_block_the_parent_puts_in_a_script():
    jinja2 = pytest.importorskip("jinja2")
    templates = {"base.html": BASE, "page.html": PAGE.replace("DATA", "{{ data }}")}
    environment = jinja2.Environment(loader=jinja2.DictLoader(templates), autoescape=True)
    rendered = environment.get_template("page.html").render(data='{"a": 1}')
    assert "var d = {&#34;a&#34;: 1};" in rendered


INCLUDING = textwrap.dedent(
    """\
    import jinja2
    from markupsafe import Markup


    def environment(templates):
        loader = jinja2.DictLoader(templates)
        env = jinja2.Environment(loader=loader)

        def include_file(name):
            # A file of the templates directory, without interpolating its contents
            source, *_ = loader.get_source(env, name)
            return Markup(source)

        env.globals["include_file"] = include_file
        return env
    """
)
INCLUDED = "<script>\n{{ include_file('vendor/popper.min.js') }}\n</script>\n<p>{{ name }}</p>\n"


def test_a_global_that_returns_markup_in_a_script_block_lets_the_fix_through(tmp_path):
    """memray's reporters: base.html inserts vendored scripts with include_file(), a global
    of the environment that returns Markup, which escaping leaves as it is."""
    outcome = _shipped(tmp_path, INCLUDED, source=INCLUDING)
    assert "autoescape=jinja2.select_autoescape())" in outcome.text


def test_a_filter_that_returns_markup_in_a_script_block_lets_the_fix_through(tmp_path):
    source = INCLUDING.replace(
        "return env", 'env.filters["code"] = lambda s: Markup(s)\n    return env'
    )
    outcome = _shipped(
        tmp_path, SCRIPT_TEMPLATE.replace("{{ data }}", "{{ data|code }}"), source=source
    )
    assert "autoescape=jinja2.select_autoescape())" in outcome.text


@pytest.mark.parametrize(
    ("source", "template"),
    [
        (INCLUDING.replace("return Markup(source)", "return source"), INCLUDED),
        (
            INCLUDING.replace(
                "    return Markup(",
                '    if not source:\n            return ""\n        return Markup(',
            ),
            INCLUDED,
        ),
        (INCLUDING.replace('globals["include_file"]', 'globals["include"]'), INCLUDED),
        (INCLUDING, INCLUDED.replace("min.js') }}", "min.js') ~ name }}")),
    ],
    ids=["plain", "plain-in-a-branch", "not-that-global", "joined-to-a-value"],
)
def test_a_global_that_may_return_a_string_in_a_script_block_is_refused(tmp_path, source, template):
    outcome = _shipped(tmp_path, template, source=source)
    assert outcome.text == source
    [refusal] = outcome.refusals
    assert refusal.reason.startswith("pkg/templates/report.html puts {{ include_file(")


def test_escaping_really_leaves_a_global_markup_script_as_it_is(tmp_path):
    pytest.importorskip("jinja2")
    pytest.importorskip("markupsafe")
    templates = {"report.html": INCLUDED, "vendor/popper.min.js": 'if (a < b) f("x&y");'}
    rendered = []
    for text in (INCLUDING, _shipped(tmp_path, INCLUDED, source=INCLUDING).text):
        namespace = {"__name__": "rewritten"}
        exec(compile(text, "rewritten.py", "exec"), namespace)
        page = namespace["environment"](templates).get_template("report.html")
        rendered.append(page.render(name="<b>"))
    assert 'if (a < b) f("x&y");' in rendered[1] and "&lt;b&gt;" in rendered[1]
    assert rendered[0].replace("<b>", "&lt;b&gt;") == rendered[1]


def test_escaping_really_breaks_a_script_block_and_tojson_keeps_it():
    """Why the refusal: entities are not decoded inside <script>."""
    jinja2 = pytest.importorskip("jinja2")
    environment = jinja2.Environment(autoescape=True)
    data = '{"name": "a<b"}'
    escaped = environment.from_string("<script>var d = {{ d }};</script>").render(d=data)
    assert "&#34;name&#34;" in escaped
    marked = environment.from_string("<script>var d = {{ d|tojson }};</script>").render(d=data)
    assert '"name"' not in escaped and "\\u003c" in marked


@pytest.mark.parametrize(
    "asked",
    [
        "env.get_template(name)",
        "env.get_template(f'{name}.j2')",
        "env.select_template([a, 'b.j2'])",
    ],
)
def test_a_template_named_only_at_run_time_leaves_the_fix_in(asked):
    text = ENVIRONMENT + f"\n\ndef render(env, name, a):\n    return {asked}.render()\n"
    assert "autoescape=jinja2.select_autoescape())" in _fixed(text).text


@pytest.mark.parametrize(
    ("name", "kind"),
    [("deployment.j2", RefusalKind.NOT_APPLICABLE), ("index.html.j2", RefusalKind.ADVICE_ONLY)],
)
def test_templates_select_autoescape_would_not_escape_refuse_the_fix(name, kind):
    text = ENVIRONMENT + f"\n\ndef render(env):\n    return env.get_template('{name}').render()\n"
    outcome = _fixed(text)
    assert outcome.text == text
    [refusal] = outcome.refusals
    assert refusal.kind is kind
    assert name in refusal.reason


@pytest.mark.parametrize("name", ["deployment.j2", "index.html.j2", "heat.conf"])
def test_select_autoescape_really_leaves_such_names_unescaped(name):
    jinja2 = pytest.importorskip("jinja2")
    assert jinja2.select_autoescape()(name) is False
    assert jinja2.select_autoescape()("index.html") is True


@pytest.mark.parametrize(
    ("uses", "fixed"),
    [
        ("return env.parse(text)", False),
        ("return env.lex(text), env.parse(text)", False),
        ("env.parse(text)\n    return env.from_source(text)", True),
        ("env.parse(text)\n    return env", True),
    ],
)
def test_an_environment_that_only_parses_is_left_as_it_is(uses, fixed):
    text = f"import jinja2\n\n\ndef read(text):\n    env = jinja2.Environment()\n    {uses}\n"
    outcome = _fixed(text)
    assert (outcome.text != text) is fixed
    if not fixed:
        assert [refusal.kind for refusal in outcome.refusals] == [RefusalKind.NOT_APPLICABLE]


@pytest.mark.parametrize(
    ("options", "kind"),
    [
        ("dict(autoescape=True, enable_async=True)", RefusalKind.ALREADY_FIXED),
        ('{"autoescape": True}', RefusalKind.ALREADY_FIXED),
        ("dict(enable_async=True)", RefusalKind.ADVICE_ONLY),
    ],
)
def test_options_given_as_a_dict_are_read(options, kind):
    """jupyterhub's: jinja_options = dict(autoescape=True, ...), then Environment(**jinja_options)."""
    source = ENVIRONMENT.replace(
        "    return jinja2.Environment(loader=jinja2.DictLoader(templates))",
        f"    options = {options}\n"
        "    return jinja2.Environment(loader=jinja2.DictLoader(templates), **options)",
    )
    outcome = _fixed(source)
    assert outcome.text == source
    [refusal] = outcome.refusals
    assert refusal.kind is kind


def test_a_package_loader_reads_its_folder_whatever_the_files_are_named(tmp_path):
    """lektor's quickstart: PackageLoader("lektor", "quickstart-templates/%s" % base), whose
    folder holds setup.py.in and layout.html.in: no name select_autoescape() escapes."""
    _shipped(tmp_path, "<p>{{ name }}</p>\n")  # pkg/templates/report.html: escaped elsewhere
    folder = tmp_path / "pkg/quickstart-templates/plugin"
    folder.mkdir(parents=True)
    (folder / "setup.py.in").write_text("author=${author_name|pprint},\n")
    source = textwrap.dedent(
        """\
        from jinja2 import Environment, PackageLoader


        def generator(base):
            return Environment(loader=PackageLoader("pkg", "quickstart-templates/%s" % base))
        """
    )
    outcome = _fixed(source, project=Project(root=str(tmp_path)), module_path="pkg/quickstart.py")
    assert outcome.text == source
    [refusal] = outcome.refusals
    assert refusal.kind is RefusalKind.NOT_APPLICABLE
    assert "pkg/quickstart-templates/plugin/setup.py.in" in refusal.reason


@pytest.mark.parametrize(
    "folder",
    ['str(Path("resources", "add"))', 'os.path.join("resources", "add")', '"resources/add"'],
)
def test_a_package_loader_folder_however_joined(tmp_path, folder):
    """ploomber's scaffold: PackageLoader("ploomber", str(Path("resources", "ploomber_add")))
    reads task.py and task.sql, not resources/dag_template_mermaid.html beside that folder."""
    _shipped(tmp_path, "<p>{{ diagram_markup }}</p>\n", "../resources/dag.html")
    (tmp_path / "pkg/resources/add").mkdir(parents=True)
    (tmp_path / "pkg/resources/add/task.sql").write_text("select * from {{ upstream }}\n")
    source = textwrap.dedent(
        f"""\
        import os
        from pathlib import Path

        from jinja2 import Environment, PackageLoader


        def scaffold():
            return Environment(loader=PackageLoader("pkg", {folder}))
        """
    )
    outcome = _fixed(source, project=Project(root=str(tmp_path)), module_path="pkg/loader.py")
    assert outcome.text == source
    [refusal] = outcome.refusals
    assert refusal.kind is RefusalKind.NOT_APPLICABLE
    assert "pkg/resources/add/task.sql" in refusal.reason


BASE_TEMPLATE = "<html><body>{% block contents %}{{ plot_div }}{% endblock %}</body></html>\n"


def test_html_the_code_prepares_as_a_string_is_advice(tmp_path):
    """bokeh's file.html.jinja inserts {{ plot_div }}, HTML it passes as a plain str: a user's
    index.html extending it would show the plot's markup as text once escaped."""
    outcome = _shipped(tmp_path, BASE_TEMPLATE, "file.html.jinja")
    assert outcome.text == ENVIRONMENT
    [refusal] = outcome.refusals
    assert refusal.kind is RefusalKind.ADVICE_ONLY
    assert refusal.reason.startswith("pkg/templates/file.html.jinja inserts {{ plot_div }}")


def test_escaping_really_shows_prepared_html_as_text():
    jinja2 = pytest.importorskip("jinja2")
    templates = {
        "file.html.jinja": BASE_TEMPLATE,
        "index.html": '{% extends "file.html.jinja" %}{% block contents %}'
        "<h1>App</h1>{{ plot_div }}{% endblock %}",
    }
    loader = jinja2.DictLoader(templates)
    plot_div = '<div id="x"></div>'
    before = jinja2.Environment(loader=loader).get_template("index.html")
    after = jinja2.Environment(loader=loader, autoescape=jinja2.select_autoescape())
    assert plot_div in before.render(plot_div=plot_div)
    assert "&lt;div" in after.get_template("index.html").render(plot_div=plot_div)


def test_the_folder_a_project_loader_is_named_decides_for_its_environment(tmp_path):
    """qutebrowser's js_environment = Environment(loader=Loader('javascript')) renders the
    package's javascript/ folder; its HTML templates are another environment's."""
    _shipped(tmp_path, SCRIPT_TEMPLATE)  # pkg/templates/report.html: HTML, a script block
    (tmp_path / "pkg/javascript").mkdir()
    (tmp_path / "pkg/javascript/wrapper.js").write_text("(function() { {{ code }} })();\n")
    source = textwrap.dedent(
        """\
        import jinja2

        from pkg.resources import Loader

        js_environment = jinja2.Environment(loader=Loader("javascript"))
        """
    )
    outcome = _fixed(source, project=Project(root=str(tmp_path)), module_path="pkg/utils/jinja.py")
    assert outcome.text == source
    [refusal] = outcome.refusals
    assert refusal.kind is RefusalKind.NOT_APPLICABLE
    assert refusal.reason.startswith("the templates shipped here (pkg/javascript/wrapper.js, ...)")


MARKUP_LITERAL = "<p>{{ command | e | replace('[', '<code>[</code>') }}</p>\n"


def test_markup_a_filter_writes_from_a_literal_is_advice(tmp_path):
    """dirsearch's HTML report escapes by hand, then marks brackets up with replace()."""
    outcome = _shipped(tmp_path, MARKUP_LITERAL)
    assert outcome.text == ENVIRONMENT
    [refusal] = outcome.refusals
    assert refusal.kind is RefusalKind.ADVICE_ONLY
    assert refusal.reason.startswith(
        "pkg/templates/report.html writes markup from a literal in {{ command | e | replace("
    )


def test_escaping_really_escapes_a_filters_literal_markup():
    jinja2 = pytest.importorskip("jinja2")
    loader = jinja2.DictLoader({"report.html": MARKUP_LITERAL})
    before = jinja2.Environment(loader=loader).get_template("report.html")
    after = jinja2.Environment(loader=loader, autoescape=jinja2.select_autoescape())
    assert before.render(command="x[1]") == "<p>x<code>[</code>1]</p>"
    assert after.get_template("report.html").render(command="x[1]") == (
        "<p>x&lt;code&gt;[&lt;/code&gt;1]</p>"
    )


JINJA_EXTENSIONS = textwrap.dedent(
    """\
    def get_jinja_env_options():
        return dict(loader=CkanFileSystemLoader(paths), autoescape=True, extensions=[])


    def unescaped_options(debug):
        if debug:
            return {"autoescape": True, **overrides}
        return {"autoescape": True}
    """
)
NOTIFICATIONS = textwrap.dedent(
    """\
    from jinja2 import Environment

    import ckan.lib.jinja_extensions as jinja_extensions
    from .lib import jinja_extensions as relative


    def render(name):
        env = Environment(**jinja_extensions.get_jinja_env_options())
        other = Environment(**relative.get_jinja_env_options())
        debug = Environment(**relative.unescaped_options(True))
    """
)


def test_options_from_a_function_of_another_module_that_escapes_are_already_fixed():
    """ckan's e-mail notifications take the options ckan/lib/jinja_extensions.py gives."""
    facts = survey_of(CODEMOD).run([("ckan/lib/jinja_extensions.py", JINJA_EXTENSIONS)])
    assert facts == {"ckan.lib.jinja_extensions.get_jinja_env_options"}
    outcome = _fixed(
        NOTIFICATIONS, project=Project(facts={CODEMOD: facts}), module_path="ckan/mail.py"
    )
    assert outcome.text == NOTIFICATIONS
    kinds = [(refusal.kind, refusal.reason) for refusal in outcome.refusals]
    assert kinds == [
        (
            RefusalKind.ALREADY_FIXED,
            "the options it is given (**jinja_extensions.get_jinja_env_options())"
            " set autoescape=True",
        ),
        (
            RefusalKind.ALREADY_FIXED,
            "the options it is given (**relative.get_jinja_env_options()) set autoescape=True",
        ),
        (
            RefusalKind.ADVICE_ONLY,
            "**relative.unescaped_options(True) may hold autoescape: check by hand",
        ),
    ]


def test_without_the_survey_another_modules_options_are_advice():
    outcome = _fixed(NOTIFICATIONS, module_path="ckan/mail.py")
    assert {refusal.kind for refusal in outcome.refusals} == {RefusalKind.ADVICE_ONLY}
