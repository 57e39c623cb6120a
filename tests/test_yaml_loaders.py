"""yaml-safe-load's survey: the project's own names for PyYAML's safe loaders."""

from __future__ import annotations

import textwrap

from cwemod.codemods._yaml_includes import opening_constructors
from cwemod.codemods._yaml_loaders import local_loader_names, own_loader_names
from cwemod.codemods.kit.project import Project
from cwemod.codemods.kit.syntax import parse_ast
from cwemod.codemods.surveys import survey_of
from cwemod.engine import transform_source

CODEMOD = "yaml-safe-load"

# heatclient's common/template_format.py
TEMPLATE_FORMAT = textwrap.dedent(
    """\
    import yaml

    if hasattr(yaml, 'CSafeLoader'):
        yaml_loader_base = yaml.CSafeLoader
    else:
        yaml_loader_base = yaml.SafeLoader


    class yaml_loader(yaml_loader_base):
        pass


    def parse(tmpl_str):
        return yaml.load(tmpl_str, Loader=yaml_loader)
    """
)
ENVIRONMENT_FORMAT = textwrap.dedent(
    """\
    import yaml

    from heatclient.common import template_format


    def parse(env_str):
        return yaml.load(env_str, Loader=template_format.yaml_loader)
    """
)


def test_names_bound_only_to_safe_loaders_are_safe():
    fallback = textwrap.dedent(
        """\
        import yaml
        try:
            from yaml import CSafeLoader as SafeLoader
        except ImportError:
            from yaml import SafeLoader
        if yaml.__with_libyaml__:
            Either = yaml.CLoader
        else:
            Either = yaml.SafeLoader
        class Mine(SafeLoader):
            pass
        class Unsafe(Either):
            pass
        """
    )
    assert own_loader_names(parse_ast(fallback)) == ({"SafeLoader", "Mine"}, set())


def test_a_loader_of_another_module_of_the_project_is_already_safe():
    facts = survey_of(CODEMOD).run(
        [
            ("heatclient/common/template_format.py", TEMPLATE_FORMAT),
            ("heatclient/common/environment_format.py", ENVIRONMENT_FORMAT),
        ]
    )
    assert "heatclient.common.template_format.yaml_loader" in facts.safe
    for path, text in (
        ("heatclient/common/environment_format.py", ENVIRONMENT_FORMAT),
        ("heatclient/common/template_format.py", TEMPLATE_FORMAT),
    ):
        outcome = transform_source(
            text, [(CODEMOD, {})], project=Project(facts={CODEMOD: facts}), module_path=path
        )
        assert outcome.text == text
        [refusal] = outcome.refusals
        assert refusal.kind.value == "already-fixed", refusal.reason


def test_without_the_survey_another_modules_loader_is_unknown():
    outcome = transform_source(
        ENVIRONMENT_FORMAT, [(CODEMOD, {})], module_path="heatclient/common/environment_format.py"
    )
    [refusal] = outcome.refusals
    assert "custom or unresolved Loader" in refusal.reason


# ansible-navigator's utils/serialize.py: its own names for PyYAML and its loaders.
SERIALIZE = textwrap.dedent(
    """\
    import yaml

    try:
        from yaml import CLoader as Loader
        from yaml import CSafeLoader as SafeLoader
    except ImportError:
        from yaml import Loader
        from yaml import SafeLoader

    __all__ = ["Loader", "SafeLoader", "yaml"]
    """
)
DIAGNOSTICS = textwrap.dedent(
    """\
    from .utils.serialize import Loader
    from .utils.serialize import yaml


    def settings(text):
        return yaml.load(text, Loader=Loader)
    """
)


def test_pyyaml_and_an_unsafe_loader_re_exported_by_the_project_are_followed():
    paths = ["src/navigator/utils/serialize.py", "src/navigator/diagnostics.py"]
    facts = survey_of(CODEMOD).run(list(zip(paths, [SERIALIZE, DIAGNOSTICS])))
    assert "navigator.utils.serialize.Loader" in facts.unsafe
    assert "navigator.utils.serialize.SafeLoader" in facts.safe
    outcome = transform_source(
        DIAGNOSTICS,
        [(CODEMOD, {})],
        allow_review=True,
        project=Project(facts={CODEMOD: facts}),
        module_path=paths[1],
    )
    assert outcome.text == DIAGNOSTICS.replace("from .utils.serialize import Loader\n", "").replace(
        "yaml.load(text, Loader=Loader)", "yaml.safe_load(text)"
    )


def test_without_the_survey_a_re_exported_pyyaml_still_gets_an_answer():
    outcome = transform_source(DIAGNOSTICS, [(CODEMOD, {})], module_path="navigator/diagnostics.py")
    [refusal] = outcome.refusals
    assert "navigator.utils.serialize.yaml.load, which cwemod cannot follow" in refusal.reason


def test_a_subclass_of_an_unsafe_loader_is_not_rewritten():
    """Its constructors may build what SafeLoader cannot: advice, not a fix."""
    source = textwrap.dedent(
        """\
        import yaml


        class Tagged(yaml.Loader):
            pass


        def read(text):
            return yaml.load(text, Loader=Tagged)
        """
    )
    outcome = transform_source(source, [(CODEMOD, {})], module_path="pkg/read.py")
    assert outcome.text == source
    [refusal] = outcome.refusals
    assert "custom or unresolved Loader" in refusal.reason


# esphome's yaml_util.py: the fastest safe loader there is; web_server.py subclasses it.
YAML_UTIL = textwrap.dedent(
    """\
    from yaml import SafeLoader as PurePythonLoader

    try:
        from yaml import CSafeLoader as FastestAvailableSafeLoader
    except ImportError:
        FastestAvailableSafeLoader = PurePythonLoader
    """
)
WEB_SERVER = textwrap.dedent(
    """\
    import yaml

    from ..yaml_util import FastestAvailableSafeLoader


    class SafeLoaderIgnoreUnknown(FastestAvailableSafeLoader):
        def ignore_unknown(self, node):
            return f"{node.tag} {node.value}"


    def read(stdout):
        return yaml.load(stdout, Loader=SafeLoaderIgnoreUnknown)
    """
)


def test_a_subclass_of_a_safe_loader_the_project_imports_is_already_safe():
    facts = survey_of(CODEMOD).run([("esphome/yaml_util.py", YAML_UTIL)])
    assert "esphome.yaml_util.FastestAvailableSafeLoader" in facts.safe
    outcome = transform_source(
        WEB_SERVER,
        [(CODEMOD, {})],
        project=Project(facts={CODEMOD: facts}),
        module_path="esphome/dashboard/web_server.py",
    )
    assert outcome.text == WEB_SERVER
    [refusal] = outcome.refusals
    assert refusal.kind.value == "already-fixed", refusal.reason


def test_a_safe_loader_imported_from_another_module_is_named_as_the_projects():
    """papermill's cli.py imports NoDatesSafeLoader from iorw.py, where it is defined."""
    iorw = "import yaml\n\n\nclass NoDatesSafeLoader(yaml.SafeLoader):\n    pass\n"
    cli = (
        "import yaml\n\nfrom .iorw import NoDatesSafeLoader\n\n\n"
        "def parameters(text):\n    return yaml.load(text, Loader=NoDatesSafeLoader)\n"
    )
    facts = survey_of(CODEMOD).run([("papermill/iorw.py", iorw)])
    project = Project(facts={CODEMOD: facts})
    outcome = transform_source(
        cli, [(CODEMOD, {})], project=project, module_path="papermill/cli.py"
    )
    [refusal] = outcome.refusals
    assert "of the project's (papermill.iorw.NoDatesSafeLoader)" in refusal.reason


def test_getattr_cast_and_a_helper_are_read_as_what_they_give():
    """airbyte-cdk's ``_get_safe_loader()``: ``cast(T, getattr(yaml, "CSafeLoader",
    yaml.SafeLoader))``; a default or a name that is no safe loader is not one."""
    source = textwrap.dedent(
        """\
        import typing as t

        import yaml


        def _get_safe_loader():
            return t.cast("type[yaml.SafeLoader]", getattr(yaml, "CSafeLoader", yaml.SafeLoader))


        def _either(fast):
            if fast:
                return getattr(yaml, "CSafeLoader", yaml.SafeLoader)
            return yaml.Loader


        UNSAFE_DEFAULT = getattr(yaml, "CSafeLoader", yaml.Loader)
        NAMED = getattr(yaml, NAME, yaml.SafeLoader)
        OTHER = getattr(other, "CSafeLoader", yaml.SafeLoader)
        FAST = _get_safe_loader()
        SLOW = _either(False)
        UNSAFE = getattr(yaml, "CLoader", yaml.Loader)
        """
    )
    safe, unsafe = own_loader_names(parse_ast(source))
    assert safe == {"_get_safe_loader()", "FAST"}
    assert "UNSAFE" in unsafe and not {"UNSAFE_DEFAULT", "NAMED", "OTHER", "SLOW"} & safe


def test_a_dict_of_safe_loaders_is_one_where_nothing_stores_into_it():
    """octodns's ``_loaders`` by order mode: ``_loaders[mode]`` and ``_loaders.get(mode)``
    give a safe loader; not once anything stores into the dict or binds its name again."""
    source = textwrap.dedent(
        """\
        import yaml


        class Mine(yaml.SafeLoader):
            pass


        SAFE = {'a': Mine, 'b': yaml.SafeLoader}
        MIXED = {'a': Mine, 'b': yaml.Loader}
        SPREAD = {'a': Mine, **OTHER}
        STORED = {'a': Mine}
        STORED['b'] = yaml.Loader
        UPDATED = {'a': Mine}
        UPDATED.update(b=yaml.Loader)
        MERGED = {'a': Mine}
        MERGED |= {'b': yaml.Loader}
        REBOUND = {'a': Mine}
        REBOUND = make()
        PICKED = SAFE['a']
        GOT = SAFE.get(KEY)
        DEFAULT = SAFE.get(KEY, yaml.SafeLoader)
        UNSAFE_DEFAULT = SAFE.get(KEY, yaml.Loader)
        STORED_PICKED = STORED['a']


        def later():
            SAFE_LATER['c'] = yaml.Loader


        SAFE_LATER = {'a': Mine}
        """
    )
    safe, _ = own_loader_names(parse_ast(source))
    assert {"SAFE[]", "PICKED", "GOT", "DEFAULT"} <= safe
    assert (
        not {
            "MIXED[]",
            "SPREAD[]",
            "STORED[]",
            "UPDATED[]",
            "MERGED[]",
            "REBOUND[]",
            "UNSAFE_DEFAULT",
            "STORED_PICKED",
            "SAFE_LATER[]",
        }
        & safe
    )


def test_a_loader_of_its_own_class_is_safe_only_in_a_safe_loaders_method():
    """octodns's ``ContextLoader.construct_include``: ``load(fh, self.__class__)``. Not
    in an unsafe loader's method, a staticmethod, a nested function, or with ``self``
    or ``type`` bound again."""
    source = textwrap.dedent(
        """\
        import yaml


        class Unsafe(yaml.Loader):
            def a(self, fh):
                return yaml.load(fh, self.__class__)


        class Safe(yaml.SafeLoader):
            @staticmethod
            def b(self, fh):
                return yaml.load(fh, self.__class__)

            def c(self, fh):
                self = other()
                return yaml.load(fh, self.__class__)

            def d(self, fh):
                return yaml.load(fh, cls)

            def e(self, fh):
                type = make
                return yaml.load(fh, type(self))

            @classmethod
            def f(cls, fh):
                return yaml.load(fh, cls.__class__)

            def g(self, fh):
                def inner():
                    return yaml.load(fh, self.__class__)

                return inner()
        """
    )
    outcome = transform_source(source, [(CODEMOD, {})], module_path="pkg/read.py")
    assert outcome.text == source
    assert len(outcome.refusals) == 7
    assert all("custom or unresolved Loader" in r.reason for r in outcome.refusals)


def test_a_class_that_mixes_in_an_unsafe_loader_is_not_safe():
    """MRO takes the unsafe base's constructors first, or mixes them in: not a safe loader."""
    mixed = textwrap.dedent(
        """\
        import yaml
        from yaml import Loader
        class Mine(yaml.SafeLoader):
            pass
        class Mixed(Mine, yaml.FullLoader):
            pass
        class Imported(Mine, Loader):
            pass
        class WithAMixin(yaml.SafeLoader, object):
            pass
        """
    )
    assert own_loader_names(parse_ast(mixed))[0] == {"Mine", "WithAMixin"}
    # senlin's parser.py: the module's own name Loader, bound only to safe loaders
    own = "import yaml\nLoader = yaml.SafeLoader\nclass YamlLoader(Loader):\n    pass\n"
    assert own_loader_names(parse_ast(own))[0] == {"Loader", "YamlLoader"}


def test_loaders_named_through_pyyaml_modules_the_module_imports():
    """rally's ``from yaml import loader`` (``loader.SafeLoader``), zuul's ``from yaml import
    cyaml``, an alias of yaml; not a name also bound otherwise, nor a function's parameter."""
    source = textwrap.dedent(
        """\
        import yaml as y
        import yaml.loader as pyyaml_loader
        from yaml import cyaml, loader
        from yaml import constructor
        constructor = None
        class Rally(loader.SafeLoader):
            pass
        Fastest = cyaml.CSafeLoader
        class Aliased(y.SafeLoader):
            pass
        class Imported(pyyaml_loader.SafeLoader):
            pass
        class Mixed(Rally, loader.FullLoader):
            pass
        Unsafe = cyaml.CLoader
        Rebound = constructor.SafeLoader
        def make(loader):
            class Parameter(loader.SafeLoader):
                pass
            return Parameter
        def make_safe():
            class Local(loader.SafeLoader):
                pass
            return Local
        """
    )
    tree = parse_ast(source)
    safe, unsafe = own_loader_names(tree)
    assert safe == {"Rally", "Fastest", "Aliased", "Imported"}
    assert unsafe == {"Unsafe"}
    assert local_loader_names(tree) == {"Local"}


def test_a_safe_loader_whose_constructor_opens_what_the_node_names():
    """senlin's YamlLoader: an !include that opens a URL; also a function or a lambda, and a
    subclass, which has its base's constructors. A constructor that opens nothing, or an
    unsafe loader (rewritten as such), is not one."""
    source = textwrap.dedent(
        """\
        import requests
        import yaml

        class Include(yaml.SafeLoader):
            def include(self, node):
                with open(self.construct_scalar(node)) as handle:
                    return handle.read()

        class Sub(Include):
            pass

        class Fetch(yaml.SafeLoader):
            pass

        class Lambda(yaml.SafeLoader):
            pass

        class Plain(yaml.SafeLoader):
            def text(self, node):
                return self.construct_scalar(node)

        class Unsafe(yaml.Loader):
            pass

        def fetch(loader, node):
            return requests.get(loader.construct_scalar(node)).text

        Include.add_constructor("!include", Include.include)
        yaml.add_constructor("!fetch", fetch, Loader=Fetch)
        Lambda.add_constructor("!read", lambda loader, node: open(node.value).read())
        Plain.add_constructor("!text", Plain.text)
        Unsafe.add_constructor("!include", fetch)
        """
    )
    tree = parse_ast(source)
    found = opening_constructors(tree, own_loader_names(tree)[0])
    assert found == {"Include": "!include", "Sub": "!include", "Fetch": "!fetch", "Lambda": "!read"}
