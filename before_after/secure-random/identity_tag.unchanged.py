# case: unsafe
# case: ignores `self.nonce` is read only by _identity(): a tag the objects are hashed and compared by; with a report it says so
"""angr's reaching-definition atoms: a random nonce tells apart objects that would
otherwise compare equal, and no one outside the analysis sees it."""
import random


class FunctionHandlerAtom:
    def __init__(self, name):
        self.name = name
        self.nonce = random.randint(0, 999999999999)

    def _identity(self):
        return (self.name, self.nonce)

    def __hash__(self):
        return hash(self._identity())

    def __eq__(self, other):
        return type(other) is type(self) and other._identity() == self._identity()
