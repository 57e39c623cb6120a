# case: unsafe
# case: refuses a probe
"""Shaped like pandas-gbq's _is_vscode_extension_installed(): the try returns True when it
finds the extension and False after it; "# Ignore non-directories" says what the loop
skips, not that a failure is ignored."""
import json
import logging
from pathlib import Path

LOG = logging.getLogger(__name__)


def _is_vscode_extension_installed(extension_id):
    try:
        vscode_extensions_dir = Path.home() / ".vscode" / "extensions"
        if not vscode_extensions_dir.exists():
            return False

        for item in vscode_extensions_dir.iterdir():
            # Ignore non-directories.
            if not item.is_dir():
                continue

            # Directory must start with the extension ID.
            if not item.name.startswith(extension_id + "-"):
                continue

            # Finally, the manifest file must be a valid json
            with open(item / "package.json", "r", encoding="utf-8") as f:
                json.load(f)

            return True
    except Exception:
        pass

    return False
