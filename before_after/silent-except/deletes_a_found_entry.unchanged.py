# case: unsafe
# case: refuses removes an entry that may not be there
"""Shaped like markdown's inlinepatterns.py: a token found by .index(), then removed."""
import logging

LOG = logging.getLogger(__name__)


class Delimiters:
    def remove(self, token):
        try:
            i = self.tokens.index(token)
            del self.tokens[i]
            del self.delimiters[token]
        except Exception:
            pass
