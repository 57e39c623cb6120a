"""jinja2-autoescape: the reference text and the example ``cwemod explain`` shows."""

DOCS = """\
## What it does
Gives `jinja2.Environment(...)` calls that pass no `autoescape`, or
`autoescape=False`, the value `select_autoescape()`: Jinja's own default
for HTML, which escapes templates whose names end in `.html`, `.htm` or
`.xml` (and templates made from strings), and leaves the others (`.txt`,
`.conf`, `.j2`) as they are. The module's own spelling is used
(`jinja2.select_autoescape()`, or the name it imports); a module that
imports only names from jinja2 gets `from jinja2 import select_autoescape`
beside them, on a line of its own (hacking's H301).

## Why is this bad?
Without autoescaping, a variable's text is inserted into the HTML as it is,
so a value holding `<script>` runs in the reader's browser (CWE-79, XSS;
Bandit says CWE-94).

## Fix safety
Review: HTML templates are now escaped, so a variable that carries markup
on purpose is shown as text unless the template marks it `|safe` (or the
code wraps it in `markupsafe.Markup`): check the templates that insert
such variables. Templates of other names render as before.

It is not applied without review even for a literal `False`: nothing in
the code says which templates the environment renders, nor whether a
variable holds markup on purpose.

## Refuses
- `autoescape=True` or a `select_autoescape(...)` call: already fixed; but
  `autoescape=True` where no template shipped is `.html`, `.htm` or `.xml`
  (checkov's templates write Python source; neutron-vpnaas's
  `template/strongswan/ipsec.conf.template` writes an IPsec configuration,
  where a peer id's `&` would become `&amp;`), or in a module that names a
  template of Python source (nautobot's `nautobot_config.py.j2`), is not
  applicable: it escapes text that is no HTML (a quote becomes `&#34;`),
  which a person checks.
- Any other value (a function, a variable, a call): it decides per
  template, or elsewhere; left as it is with advice (forcing `True` over a
  function would escape templates it means to leave alone).
- An environment that renders templates from strings (`from_string`):
  whether they produce HTML cannot be told; advice only. Where every one is a
  literal of the module (or a module-level name bound to one) with no
  `<` in it (copr-cli's mock profile, a keepalived configuration), and the
  environment is given no loader that reads templates (none, or
  `BaseLoader`): `select_autoescape()` escapes string templates too, which
  would corrupt that text (a URL's `&` becomes `&amp;`); not applicable.
  Where the module defines a YAML tag (`yaml_tag = "!j2:"` in a class, or
  `add_constructor("!tag", ...)`), its templates are values of YAML documents
  rendered into data (jenkins-job-builder's `!j2:`, a shell builder's body that
  ElementTree escapes when it writes the job's XML): the advice says the output
  is not HTML, which autoescape would corrupt (`&&` becomes `&amp;&amp;`).
  A `from_string()` counts for the environment it is called on: the
  `Environment(...)` call itself, or what the name or `self` attribute it
  is called on is bound to; where that is not known (a parameter, a
  function's result), for every environment of the module. Another
  environment of the module goes on as any other (zaza's `deploy.py`
  renders its plain overlay literal with a `BaseLoader` environment of its
  own, and its template directory with a `FileSystemLoader` one, which is
  fixed).
- An environment bound to a name the module only calls `.parse()` or
  `.lex()` on (junos-eznc parses its tables' expressions and evaluates
  them itself), besides setting it up and asking its loader for sources
  (nikola's syntax check of converted templates): parsing does not read
  `autoescape`; not applicable.
- A module that asks for its templates by name, every name a literal,
  none ending in `.html`, `.htm` or `.xml` (Tripleo's `deployment.j2`):
  `select_autoescape()` would escape none of them, and escaping is wrong
  for YAML or configuration text; not applicable. Where a name is HTML
  under a last extension of its own (`index.html.j2`, which
  `select_autoescape()` does not escape either), advice only.
- A package (as below; else the project, outside its documentation and
  tests) that ships templates (`.j2`, `.jinja`, `.jinja2`, `.tmpl`, `.tpl`,
  `.template`, or any file in a `templates` or `template` directory or below
  one, as honcho's `templates/systemd/`, but a README, licence or
  changelog) and no `.html`, `.htm` or `.xml` file with Jinja in it (a
  static page, frappe-bench's `502.html` that nginx serves, is none): the
  fix would escape none of them. Where the module's `FileSystemLoader` reads a directory
  built from its own location (`os.path.join(os.path.dirname(__file__),
  "templates")`, `Path(__file__).parent / "templates"`, also through a
  module constant), or its `PackageLoader` a folder of a package above
  it whose start is literal (lektor's `PackageLoader("lektor",
  "quickstart-templates/%s" % base)`; ploomber's `str(Path("resources",
  "ploomber_add"))` and `os.path.join("a", "b")` read as `"a/b"`), that directory is the one looked
  at, not the package, and every file in it is a template (lektor's
  `setup.py.in`): pelican's quickstart renders `tools/templates`, not its
  themes. So is the folder a loader of the project's own is named for
  alone (qutebrowser's `Loader('javascript')` reads the package's
  `javascript/`), for that call's environment. Not applicable where they are
  not HTML (z/VM's shell scripts, Tripleo's YAML); advice only where one
  is HTML all the same (freezer-dr's `error.jinja` e-mails), which needs
  `autoescape` set for its own extension.
- A package (the directory its loader reads, the module's top-level
  package, or its directory) that
  ships an `.html`, `.htm` or `.xml` template putting an expression in a
  `<script>` or `<style>` block without `|tojson` or `|safe` (Rally's
  `$scope.data = {{ data }};`): escaped there, quotes and brackets become
  entities the browser does not decode, and the code breaks. So does a
  template's block that its `{% extends %}` parent (or that one's parent)
  puts in such a block: Rally's `base.html` has `<script>{% block js_before
  %}{% endblock %}</script>`, which `task/report.html` fills with
  `$scope.source = {{ source }};`. Advice only,
  naming the template and the expression. A call of a global the module
  puts in the environment (`env.globals["name"] = function`, or a filter
  in `env.filters`) whose every return is `Markup(...)` counts as marked:
  escaping leaves Markup alone (memray's `{{ include_file("...") }}`,
  which inserts a vendored script as `Markup(source)`).
- Templates there (of any name) that insert a value named as prepared
  HTML or code (`*_html`, `*_div`, `*_script`, `*_css`, `*_js`: bokeh's
  `{{ plot_div }}` and `{{ bokeh_js }}` in `file.html.jinja`) without
  `|safe` or `|tojson`: the code passes it as a plain string, and a
  template that escapes (a user's `index.html` extending bokeh's) would
  show it as text. Advice only: make it `Markup` first. So is an
  expression whose filter writes markup given as a literal (dirsearch's
  `{{ command | e | replace('[', '<code>[</code>') }}`): once escaping is
  on, the literal is escaped too.
- A render (`.render()`, `.stream()`, `.generate()`) of a template the
  environment loads (`get_template(...)`, directly or through a name bound
  to it; not one named by a literal `select_autoescape()` leaves alone)
  that is given a string literal holding a tag (`<` then a letter or `/`):
  as a keyword's value, or an item of a dict it is given (a literal, or a
  name bound to one in the function with its `params["key"] = ...`),
  directly or through a name bound in the function or at module level, also
  formatted (`LITERAL % {...}`, `LITERAL.format(...)`). ironic's devstack
  `configure-vm.py` gives `vm.xml` `params['console'] = CONSOLE_PTY`, libvirt
  XML that escaping would turn into `&lt;serial type=&#39;pty&#39;&gt;`
  (the VM would lose its serial console). Advice only: mark it `|safe` or
  make it `Markup` first.
- A module that parses a rendered template as an e-mail message
  (`email.message_from_string(template.render(...))`, `message_from_bytes`,
  an `email.parser` parser's `parsestr`/`parsebytes`, also through a name
  bound only to such a render): the template is a whole message, and
  `select_autoescape()` would escape its header values in a template named
  `.html` (mailmerge's `TO: {{email}}` becomes `&lt;bob@x&gt;`). Advice only.
- A module whose every render (`.render()`, `.generate()`, `.stream()`) is
  parsed as data: passed to `yaml.safe_load`/`safe_load_all`/`load`,
  `json.loads` or `tomllib.loads`, directly, through a name bound to it and
  used only so after, or returned by a private function of the module whose
  every call goes so (lightkube's `yaml.safe_load_all(stream)` after `stream =
  _template(...)`, which returns `from_string(...).render(...)`). Its output
  is YAML, JSON or TOML: no HTML to escape, and escaping would corrupt its
  values (an `&` becomes `&amp;`). Not applicable.
- `autoescape=False` with a comment at it that says what the templates make
  or why they are not escaped (prefect's `# We're generating Python code,
  not HTML`; papis's note that escaping would mangle apostrophes): not
  applicable, the project decided.
- `**kwargs` (it may hold `autoescape`; options bound once in the function
  to `dict(autoescape=True, ...)` or `{"autoescape": True}`, as jupyterhub's
  are, or given `kwargs.setdefault("autoescape", True)`, as aiohttp-jinja2's
  are, are already fixed; so are `**options()` of a function at the top of
  a module of the project whose every return is such a dict, as ckan's
  `**jinja_extensions.get_jinja_env_options()` are: found by a survey of
  the project's modules; options a function binds only to dict literals
  of string keys and sets only by other string keys, as planemo's
  `env_kwargs = {}` then `env_kwargs["trim_blocks"] = True`, hold no
  `autoescape`: the call is judged as one without them), test code, and
  a call that would no
  longer fit the project's line length, or where the new argument would
  move a bracket that a continuation line is aligned under. A value
  replaced (`autoescape=False`) that does not fit its line moves, with what
  follows it, to a line of its own under the arguments, as a new argument
  would (nbdime's `Environment(loader=..., autoescape=False)`), or moves the
  arguments after it there; where neither can be done, a line already past
  the width may grow (flake8 reports it once either way).
- A module with neither `import jinja2` nor a `from jinja2 import ...` to
  import `select_autoescape` beside (on a line of its own: hacking's H301);
  where jinja2 is imported inside a function only (Fabric's
  `upload_template()`, where it is optional), the reason says so.

## Options
None.
"""

EXAMPLE = """\
import jinja2


def environment(path):
    return jinja2.Environment(loader=jinja2.FileSystemLoader(path))
"""
