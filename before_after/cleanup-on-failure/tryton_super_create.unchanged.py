# case: unsafe
# case: refuses a Tryton model's create() inserts rows in the current database transaction
"""Shaped like trytond's ir/resource.py ResourceAccessMixin.create() and ir/sequence.py
Sequence.create(): Tryton ORM records, written in the transaction Tryton rolls back when
an exception leaves it, and a model of a module's pool (metaclass=PoolMeta)."""
from trytond.model import DeactivableMixin, ModelSQL, ModelStorage, ModelView
from trytond.pool import PoolMeta


class ResourceAccessMixin(ModelStorage):
    @classmethod
    def create(cls, vlist):
        records = super().create(vlist)
        cls.check_access([r.id for r in records], mode='create')
        return records


class Sequence(DeactivableMixin, ModelSQL, ModelView):
    @classmethod
    def create(cls, vlist):
        sequences = super().create(vlist)
        for sequence, values in zip(sequences, vlist):
            sequence.update_sql_sequence(values.get('number_next'))
        return sequences


class Party(metaclass=PoolMeta):
    __name__ = 'party.party'

    @classmethod
    def create(cls, vlist):
        parties = super().create(vlist)
        cls._update_addresses(parties)
        return parties
