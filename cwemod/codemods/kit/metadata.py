"""LibCST's ``MetadataWrapper``, without visits of the whole module that compute nothing.

LibCST resolves metadata in rounds: each round computes the providers whose
dependencies are met, the batchable ones together in one visit of the
module. Two kinds of round visit every node for nothing:

- a round with no batchable provider (``PositionProvider`` alone, or
  :class:`~cwemod.codemods.kit.parents.ParentProvider`) still visits the
  module, with no visitor in it;
- LibCST's scope, expression-context, qualified-name and parent providers
  are "batchable" but do all their work in ``visit_Module``, with a visitor
  of their own: the batched visit that calls it then goes on through every
  node with nothing to call.

On a big module those visits cost about as much as the scope analysis. This
wrapper computes such providers itself, as LibCST's resolver would, in the
order of their dependencies; LibCST's rounds then compute what is left.
The expression contexts scope analysis depends on are computed without a
visit at all (:mod:`cwemod.codemods.kit.contexts`).
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Mapping
from types import MappingProxyType
from typing import Any

import libcst.metadata
from libcst.metadata import BatchableMetadataProvider, ExpressionContextProvider

from cwemod.codemods.kit.contexts import expression_contexts


class MetadataWrapper(libcst.metadata.MetadataWrapper):
    def resolve_many(self, providers: Collection[Any]) -> Mapping[Any, Mapping[Any, Any]]:
        pending = sorted(
            (p for p in _with_dependencies(providers) if p not in self._metadata and _alone(p)),
            key=lambda provider: provider.__qualname__,
        )
        while pending:
            ready = [p for p in pending if set(p.METADATA_DEPENDENCIES) <= self._metadata.keys()]
            if not ready:
                break  # one depends on a provider LibCST's rounds compute
            for provider in ready:
                self._metadata[provider] = self._computed_alone(provider)
                pending.remove(provider)
        return super().resolve_many(providers)

    def _computed_alone(self, provider_type: Any) -> Mapping[Any, Any]:
        """What LibCST's resolver would compute for ``provider_type``, with no visit of its own."""
        if provider_type is ExpressionContextProvider:
            return MappingProxyType(expression_contexts(self.module))
        cached = self._cache.get(provider_type) if provider_type.gen_cache else None
        provider = provider_type(cached) if provider_type.gen_cache else provider_type()
        if not issubclass(provider_type, BatchableMetadataProvider):
            return provider._gen(self)
        with provider.resolve(self):
            provider.visit_Module(self.module)
        return MappingProxyType(dict(provider._computed))


@functools.cache
def _alone(provider_type: Any) -> bool:
    """Does ``provider_type`` compute everything without LibCST visiting the module for it?"""
    if not issubclass(provider_type, BatchableMetadataProvider):
        return True
    made = provider_type(None) if provider_type.gen_cache else provider_type()
    return set(made.get_visitors()) == {"visit_Module"}


def _with_dependencies(providers: Collection[Any]) -> set[Any]:
    found: set[Any] = set()
    pending = list(providers)
    while pending:
        provider = pending.pop()
        if provider not in found:
            found.add(provider)
            pending.extend(provider.METADATA_DEPENDENCIES)
    return found
