"""yaml-safe-load on ``yaml.load`` where ``yaml`` is a module of the project, or a name in one.

The call is followed into that module, as the run's survey read it: PyYAML
re-exported (``import yaml``, ``from yaml import *``, ``load = yaml.load``)
keeps the review fix; the project's own ``load`` or a ruamel.yaml ``YAML()``
is no PyYAML (meltano's ``from meltano.core import yaml``); an unsafe
ruamel.yaml instance gets advice; what cannot be told is refused.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from cwemod.codemods.kit.project import Project
from cwemod.codemods.surveys import survey_of
from cwemod.engine import FixRequest, plan, transform_source

CODEMOD = "yaml-safe-load"

# meltano's src/meltano/core/yaml.py: ruamel.yaml's round-trip YAML(), and a cached load(path)
MELTANO_YAML = textwrap.dedent(
    """\
    from pathlib import Path

    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.default_flow_style = False


    def load(path):
        with Path(path).open() as handle:
            return yaml.load(handle)
    """
)
# core/project.py and cli/add.py
MELTANO_PROJECT = "from meltano.core import yaml\n\n\ndef read(path):\n    return yaml.load(path)\n"
MELTANO_ADD = (
    "from meltano.core.yaml import yaml\n\n\ndef read(text):\n    return yaml.load(text) or {}\n"
)


def _project(tmp_path: Path, files: dict[str, str]) -> Path:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "meltano"\nversion = "1"\n')
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return tmp_path


def _run(root: Path) -> dict[str, tuple[list, list, bytes | None]]:
    results = plan(FixRequest([root], [(CODEMOD, {})], allow_review=True, jobs=1))
    return {
        result.path.relative_to(root).as_posix(): (result.fixes, result.refusals, result.new)
        for result in results
    }


def test_meltano_yaml_module_and_its_ruamel_instance_are_not_pyyaml(tmp_path):
    root = _project(
        tmp_path,
        {
            "src/meltano/__init__.py": "",
            "src/meltano/core/__init__.py": "",
            "src/meltano/core/yaml.py": MELTANO_YAML,
            "src/meltano/core/project.py": MELTANO_PROJECT,
            "src/meltano/cli/__init__.py": "",
            "src/meltano/cli/add.py": MELTANO_ADD,
        },
    )
    results = _run(root)
    for name in ("src/meltano/core/project.py", "src/meltano/cli/add.py"):
        fixes, refusals, new = results[name]
        assert (fixes, refusals) == ([], []), name
        assert new is None or new == (root / name).read_bytes()


def _outcome(modules: dict[str, str], path: str, source: str):
    facts = survey_of(CODEMOD).run([*modules.items(), (path, source)])
    return transform_source(
        source,
        [(CODEMOD, {})],
        allow_review=True,
        project=Project(facts={CODEMOD: facts}),
        module_path=path,
    )


# (the project's modules, the import of the module whose yaml.load is called)
RE_EXPORTS = {
    # ansible-navigator's utils/serialize.py
    "import": ({"pkg/compat.py": "import yaml\n"}, "from pkg.compat import yaml"),
    "star": ({"pkg/yaml.py": "from yaml import *\n"}, "from pkg import yaml"),
    "assigned": (
        {"pkg/yaml.py": "import yaml as _pyyaml\n\nload = _pyyaml.load\n"},
        "from pkg import yaml",
    ),
    "from-import": ({"pkg/yaml.py": "from yaml import load\n"}, "from pkg import yaml"),
    "chain": (
        {"pkg/a.py": "from .b import yaml\n", "pkg/b.py": "import yaml\n"},
        "from pkg.a import yaml",
    ),
    "none-fallback": (
        {"pkg/compat.py": "try:\n    import yaml\nexcept ImportError:\n    yaml = None\n"},
        "from pkg.compat import yaml",
    ),
}


def _caller(imported: str) -> str:
    return f"{imported}\n\n\ndef read(text):\n    return yaml.load(text)\n"


@pytest.mark.parametrize("shape", sorted(RE_EXPORTS))
def test_pyyaml_re_exported_by_the_project_keeps_the_review_fix(shape):
    modules, imported = RE_EXPORTS[shape]
    source = _caller(imported)
    outcome = _outcome(modules, "pkg/read.py", source)
    assert outcome.text == source.replace("yaml.load(", "yaml.safe_load("), outcome.refusals
    [fix] = outcome.fixes
    assert fix.applicability.value == "review"
    assert "re-exports PyYAML" in fix.reason


# (the project's module, what the call is left with: None for no record at all)
NOT_PYYAML = {
    "own-load": ("import json\n\n\ndef load(path):\n    return json.load(path)\n", None),
    "ruamel-rt": ("from ruamel.yaml import YAML\n\nyaml = YAML()\n", None),
    "ruamel-safe": ("import ruamel.yaml\n\nyaml = ruamel.yaml.YAML(typ='safe')\n", None),
    "ruamel-unsafe": (
        "from ruamel.yaml import YAML\n\nyaml = YAML(typ='unsafe')\n",
        "ruamel.yaml's YAML(typ='unsafe')",
    ),
    "ruamel-module": ("from ruamel import yaml\n", "cannot follow"),
    "unknown-object": ("from .factory import make\n\nyaml = make()\n", "cannot follow"),
}


@pytest.mark.parametrize("shape", sorted(NOT_PYYAML))
def test_what_is_not_pyyaml_is_not_rewritten(shape):
    module, said = NOT_PYYAML[shape]
    source = _caller("from pkg.core.yaml import yaml")
    if shape == "own-load":
        source = _caller("from pkg.core import yaml")
    outcome = _outcome({"pkg/core/yaml.py": module}, "pkg/cli.py", source)
    assert outcome.text == source
    assert not outcome.fixes and not outcome.skipped_review
    if said is None:
        assert outcome.refusals == []
    else:
        [refusal] = outcome.refusals
        assert said in refusal.reason
        assert refusal.kind.value == "advice-only"


def test_a_module_the_survey_did_not_read_is_refused():
    source = _caller("from pkg.core import yaml")
    outcome = _outcome({}, "pkg/cli.py", source)
    assert outcome.text == source
    [refusal] = outcome.refusals
    assert "pkg.core.yaml.load, which cwemod cannot follow" in refusal.reason


def test_only_the_modules_a_call_may_go_through_are_in_the_facts():
    """A module's own ``import yaml`` is no fact: editing it reruns that file alone."""
    facts = survey_of(CODEMOD).run(
        [
            ("pkg/plain.py", "import yaml\n"),
            ("pkg/core/yaml.py", MELTANO_YAML),
            ("pkg/cli.py", _caller("from pkg.core.yaml import yaml")),
        ]
    )
    assert facts.exports == {"pkg.core.yaml": {"yaml": ("ruamel:rt",), "load": ("def",)}}


# heat's environment_format.py: template_format.yaml.load, where template_format.py does
# ``import yaml``. (the import, the module's name as the call spells it)
BY_ATTRIBUTE = {
    "from-import": ("from pkg import compat", "compat"),
    "dotted-import": ("import pkg.compat", "pkg.compat"),
    "alias": ("import pkg.compat as c", "c"),
}
HEAT_FORMAT = "import yaml\n\n\nclass yaml_loader(yaml.SafeLoader):\n    pass\n"


@pytest.mark.parametrize("shape", sorted(BY_ATTRIBUTE))
@pytest.mark.parametrize("loader", ["", ", Loader={}.yaml.Loader", ", Loader={}.yaml.FullLoader"])
def test_pyyaml_reached_by_attribute_keeps_the_review_fix(shape, loader):
    imported, module = BY_ATTRIBUTE[shape]
    source = f"{imported}\n\n\ndef read(text):\n    return {module}.yaml.load(text{loader})\n"
    source = source.replace("{}", module)
    outcome = _outcome({"pkg/compat.py": HEAT_FORMAT}, "pkg/read.py", source)
    expected = f"{imported}\n\n\ndef read(text):\n    return {module}.yaml.safe_load(text)\n"
    assert outcome.text == expected, outcome.refusals
    [fix] = outcome.fixes
    assert fix.applicability.value == "review"


@pytest.mark.parametrize("loader", ["compat.yaml_loader", "compat.yaml.SafeLoader"])
def test_a_safe_loader_reached_by_attribute_is_already_fixed(loader):
    source = f"from pkg import compat\n\n\ndef read(text):\n    return compat.yaml.load(text, Loader={loader})\n"
    outcome = _outcome({"pkg/compat.py": HEAT_FORMAT}, "pkg/read.py", source)
    assert outcome.text == source and not outcome.fixes
    [refusal] = outcome.refusals
    assert refusal.kind.value == "already-fixed"


@pytest.mark.parametrize(
    "modules",
    [
        {},  # the module is not read: the call cannot be followed
        {"pkg/compat.py": "from .factory import make\n\nyaml = make()\n"},  # nor here
    ],
)
def test_a_safe_loader_given_is_already_fixed_whether_or_not_the_callee_is_followed(modules):
    """heat's ``Loader=template_format.yaml_loader``: no advice to use safe_load, which would
    drop the loader's constructors."""
    modules = {**modules, "pkg/loaders.py": HEAT_FORMAT}
    source = (
        "import yaml\n\nfrom pkg import compat, loaders\n\n\ndef read(text):\n"
        "    return compat.yaml.load(text, Loader=loaders.yaml_loader), yaml.load(\n"
        "        text, Loader=yaml.CSafeLoader)\n"
    ).replace("yaml.load(\n", "compat.yaml.load(\n")
    outcome = _outcome(modules, "pkg/read.py", source)
    assert outcome.text == source and not outcome.fixes
    assert [refusal.kind.value for refusal in outcome.refusals] == ["already-fixed"] * 2


def test_an_attribute_reaches_only_the_module_it_names():
    facts = survey_of(CODEMOD).run(
        [
            ("pkg/plain.py", "import yaml\n"),
            ("pkg/compat.py", HEAT_FORMAT),
            ("pkg/read.py", "from pkg import compat, plain\n\ncompat.yaml.load(text)\n"),
        ]
    )
    assert facts.exports == {"pkg.compat": {"yaml": ("=yaml",)}}
