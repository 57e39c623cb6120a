# case: unsafe
# case: refuses cls is the class this classmethod is called on: a Tryton model's create() inserts rows in the current database transaction
"""Shaped like trytond's ir/model.py ModelButtonClick.register(): cls.create() writes
Tryton ORM records, which cls.delete() would delete exactly, but which the transaction
Tryton rolls back when the exception leaves it removes already."""
from trytond.model import DeactivableMixin, ModelSQL, ModelView
from trytond.pool import Pool
from trytond.transaction import Transaction


class ModelButtonClick(DeactivableMixin, ModelSQL, ModelView):
    @classmethod
    def register(cls, model, name, records):
        Button = Pool().get('ir.model.button')
        user = Transaction().user
        button, = Button.search([('model.name', '=', model), ('name', '=', name)])
        cls.create([{
                    'button': button.id,
                    'record_id': r.id,
                    'user': user,
                    } for r in records])
        clicks = cls.search([('button', '=', button.id)])
        return clicks
