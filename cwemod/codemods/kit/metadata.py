"""LibCST's ``MetadataWrapper``, without a visit of the whole module that computes nothing.

LibCST resolves metadata in rounds: each round computes the providers whose
dependencies are met, the batchable ones together in one visit of the module.
A round in which none is batchable (``PositionProvider`` alone, or
:class:`~cwemod.codemods.kit.parents.ParentProvider`) still visits the whole
module, with no visitor in it: on a big module, about as long as computing
the positions. This wrapper computes the providers that depend on nothing and
visit nothing first, so no round is left without a batchable provider.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

import libcst.metadata
from libcst.metadata import BatchableMetadataProvider


class MetadataWrapper(libcst.metadata.MetadataWrapper):
    def resolve_many(self, providers: Collection[Any]) -> Mapping[Any, Mapping[Any, Any]]:
        for provider in _with_dependencies(providers):
            if provider in self._metadata or provider.METADATA_DEPENDENCIES:
                continue
            if not issubclass(provider, BatchableMetadataProvider):
                # As LibCST's resolver makes it.
                cached = self._cache.get(provider) if provider.gen_cache else None
                made = provider(cached) if provider.gen_cache else provider()
                self._metadata[provider] = made._gen(self)
        return super().resolve_many(providers)


def _with_dependencies(providers: Collection[Any]) -> set[Any]:
    found: set[Any] = set()
    pending = list(providers)
    while pending:
        provider = pending.pop()
        if provider not in found:
            found.add(provider)
            pending.extend(provider.METADATA_DEPENDENCIES)
    return found
