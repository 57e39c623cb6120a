"""Turn command-line choices plus ``[tool.cwemod]`` into a :class:`FixRequest`."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from cwemod.engine.config import Config, load_config
from cwemod.engine.files import InputError
from cwemod.engine.run import FixRequest


def make_request(
    paths: Sequence[Path],
    *,
    codemods: Sequence[str] = (),
    unsafe: bool = False,
    excludes: Sequence[str] = (),
    jobs: int | None = None,
    config: Config | None = None,
) -> FixRequest:
    """Flags win over the config of the nearest pyproject.toml above the first path."""
    paths = list(paths) or [Path.cwd()]
    for path in paths:
        if not path.exists():
            raise InputError(f"{path}: no such file or directory")
    if jobs is not None and jobs < 1:
        raise InputError("-j/--jobs must be at least 1")
    config = config if config is not None else load_config(paths[0])
    ids = config.codemod_ids(list(codemods) or None)
    return FixRequest(
        paths=paths,
        codemods=[(codemod_id, config.codemod_options.get(codemod_id, {})) for codemod_id in ids],
        allow_review=unsafe or config.unsafe,
        excludes=[*config.exclude, *excludes],
        jobs=jobs,
    )
