# case: ignores a command of module constants only, some made of others: nothing can be injected
"""Shaped like offlineimap's contrib/release.py: an editor and a path, both constants."""
from os import system

CACHEDIR = ".git/offlineimap-release"
CHANGELOG_EXCERPT = "{}/changelog.excerpt.md".format(CACHEDIR)
CHANGELOG = "Changelog.md"
EDITOR = "vim"


def insert_excerpt():
    system("sed -i -e '/{{:toc}}/ r {}' '{}'".format(CHANGELOG_EXCERPT, CHANGELOG))


def edit_excerpt():
    system("{} {}".format(EDITOR, CHANGELOG_EXCERPT))
