"""Regenerate the codemod reference pages: ``python docs/codemods/generate.py``.

Each page is ``cwemod explain <id>``; tests/test_docs.py fails when a page is stale.
"""

from pathlib import Path

from cwemod.codemods import all_codemods
from cwemod.render.explain import explain_markdown

HERE = Path(__file__).resolve().parent


def pages() -> dict[Path, str]:
    return {
        HERE / f"{codemod_id}.md": explain_markdown(cls)
        for codemod_id, cls in all_codemods().items()
    }


if __name__ == "__main__":
    for path, text in pages().items():
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(HERE.parent.parent)}")
