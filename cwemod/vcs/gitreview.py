"""Reading ``.gitreview``, the file git-review and OpenStack projects use.

::

    [gerrit]
    host=review.opendev.org
    port=29418
    project=openstack/neutron.git
    defaultbranch=master
"""

from __future__ import annotations

import configparser
from dataclasses import dataclass
from pathlib import Path

from cwemod.errors import VcsError

DEFAULT_PORT = 29418


class GitReviewError(VcsError):
    """The ``.gitreview`` file exists but cannot be used."""


@dataclass(frozen=True)
class GitReview:
    host: str | None = None
    port: int = DEFAULT_PORT
    project: str | None = None
    defaultbranch: str | None = None
    defaultremote: str | None = None

    def ssh_url(self, username: str | None = None) -> str | None:
        """The URL git-review would give its ``gerrit`` remote."""
        if not self.host or not self.project:
            return None
        user = f"{username}@" if username else ""
        return f"ssh://{user}{self.host}:{self.port}/{self.project}"


def read_gitreview(root: Path) -> GitReview | None:
    """The repository's ``.gitreview``, or None when there is none."""
    path = root / ".gitreview"
    if not path.is_file():
        return None
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read_string(path.read_text(encoding="utf-8"), source=str(path))
    except (configparser.Error, UnicodeDecodeError) as error:
        raise GitReviewError(f"{path}: cannot parse: {_first_line(error)}") from None
    if not parser.has_section("gerrit"):
        raise GitReviewError(f"{path}: no [gerrit] section")
    section = parser["gerrit"]
    port_text = section.get("port", str(DEFAULT_PORT)).strip()
    if not port_text.isdigit():
        raise GitReviewError(f"{path}: port must be a number, not {port_text!r}")
    return GitReview(
        host=_value(section.get("host")),
        port=int(port_text),
        project=_value(section.get("project")),
        defaultbranch=_value(section.get("defaultbranch")),
        defaultremote=_value(section.get("defaultremote")),
    )


def _value(text: str | None) -> str | None:
    return text.strip() or None if text is not None else None


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0]
