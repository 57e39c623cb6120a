# case: unsafe
# case: formatter ruff
"""Shaped like flytekit's array_node_map_task.py: a ruff format project, the call's bracket
below its argument; ruff format writes the added keyword with its magic trailing comma."""

import hashlib


class ArrayNodeMapTask:
    def _name(self, name, bound_inputs):
        h = hashlib.md5(
            f"{sorted(bound_inputs)}{self._concurrency}".encode("utf-8"),
            usedforsecurity=False,
        ).hexdigest()
        return f"{name}_{h}"
