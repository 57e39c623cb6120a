# case: refuses marked for its scanner (# nosec, # noqa, # ruff:ignore or # pylint: disable)
"""Shaped like pudb's var_view: ruff's own suppression names S110 by its name."""


class Ordered:
    def __eq__(self, other):
        try:
            return all(a == b for a, b in zip(self.items, other.items))
        except Exception:  # ruff:ignore[try-except-pass]
            pass
        return NotImplemented
