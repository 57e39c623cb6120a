# case: unsafe
# case: refuses an optional value that keeps its default when it cannot be read
"""Shaped like python-lsp-server's symbols plugin: a new local named as the method that
makes it; nothing is converted in place."""
import logging

log = logging.getLogger(__name__)


def symbols(definitions, redefinitions, d):
    try:
        defined_names = list(d.defined_names())
        for method in defined_names:
            redefinitions[method.start] = method.type
        definitions = list(defined_names) + definitions
    except Exception:
        pass
    return definitions
