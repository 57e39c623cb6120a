# case: unsafe
# case: ignores a marked default (noted where a report asks) and a comparison, which selects nothing
"""Shaped like scrapy's context factory: its ruff gate selects S, and S503 is silenced."""
from OpenSSL import SSL


class ContextFactory:
    def __init__(self, method=SSL.SSLv23_METHOD):  # noqa: S503
        self._ssl_method = method

    def options(self):
        kwargs = {}
        if self._ssl_method != SSL.SSLv23_METHOD:
            kwargs["method"] = self._ssl_method
        return kwargs
