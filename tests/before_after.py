"""Reading ``before_after/<codemod-id>/`` cases.

Files of a case:

- ``<case>.before.py`` and ``<case>.after.py``: the codemod turns the first
  into exactly the second;
- ``<case>.unchanged.py``: the codemod must leave it as it is.

Directives are comment lines ``# case: ...`` anywhere in the before or
unchanged file (they are ordinary comments, so they stay in the after file):

- ``# case: unsafe``: review-level fixes are allowed (``--unsafe``);
- ``# case: option NAME=VALUE``: a codemod option (VALUE is a string);
- ``# case: refuses TEXT``: a refusal whose reason contains TEXT is recorded;
- ``# case: ignores WHY``: nothing is recorded at all; WHY says why the
  shape is not the codemod's business;
- ``# case: oldest-python X.Y``: the project says it supports Python X.Y
  and later (its ``requires-python``), as codemods read it from the project.
- ``# case: formatter NAME``: black or ruff format gates the project
  (:func:`~cwemod.codemods.kit.formatters.project_formatter`).
- ``# case: project DIR PATH``: the file is the module at ``PATH`` of the project
  in ``before_after/<codemod-id>/projects/DIR/`` (its setup.cfg, its other
  modules): the case runs in a copy of that project, which says its Python and
  formatter itself, and its surveys read all of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "before_after"
_DIRECTIVE = re.compile(r"^[ \t]*# case: (\S+)[ \t]*(.*?)[ \t]*$", re.MULTILINE)


@dataclass
class Case:
    codemod: str
    name: str
    before: Path
    after: Path | None  # None: must stay unchanged
    unsafe: bool = False
    options: dict[str, str] = field(default_factory=dict)
    refuses: list[str] = field(default_factory=list)
    ignores: str | None = None
    oldest_python: tuple[int, int] | None = None
    formatter: str | None = None
    project: tuple[Path, str] | None = None  # the project's folder, the module's path in it

    @property
    def test_id(self) -> str:
        return f"{self.codemod}/{self.name}"


def load_case(codemod: str, before: Path, after: Path | None) -> Case:
    name = before.name.split(".")[0]
    case = Case(codemod, name, before, after)
    for verb, argument in _DIRECTIVE.findall(before.read_text(encoding="utf-8", errors="replace")):
        if verb == "unsafe":
            case.unsafe = True
        elif verb == "option":
            key, _, value = argument.partition("=")
            case.options[key.strip()] = value.strip()
        elif verb == "refuses":
            case.refuses.append(argument)
        elif verb == "ignores":
            case.ignores = argument
        elif verb == "oldest-python":
            major, _, minor = argument.partition(".")
            case.oldest_python = (int(major), int(minor))
        elif verb == "formatter":
            case.formatter = argument
        elif verb == "project":
            folder, _, module_path = argument.partition(" ")
            case.project = (before.parent / "projects" / folder, module_path.strip())
        else:
            raise ValueError(f"{before}: unknown directive '# case: {verb}'")
    return case


def all_cases() -> list[Case]:
    cases = []
    for folder in sorted(path for path in ROOT.iterdir() if path.is_dir()):
        for before in sorted(folder.glob("*.before.py")):
            after = before.with_name(before.name.replace(".before.py", ".after.py"))
            cases.append(load_case(folder.name, before, after))
        for unchanged in sorted(folder.glob("*.unchanged.py")):
            cases.append(load_case(folder.name, unchanged, None))
    return cases
