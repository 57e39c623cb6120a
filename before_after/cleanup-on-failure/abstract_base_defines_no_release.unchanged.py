# case: refuses the class defines no delete() and has no base that could
"""Shaped like toga-core's Document: an ABC whose __init__ builds its window in create()."""
from abc import ABC, abstractmethod
from typing import Generic, TypeVar

T = TypeVar("T")


class Document(ABC, Generic[T]):
    def __init__(self, app):
        self._app = app
        self.create()
        self.app.documents._add(self)

    @abstractmethod
    def create(self):
        """Create the window."""
