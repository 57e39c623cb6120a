# case: unsafe
# case: refuses a probe: the try returns its answer when it works, and the function gives None
"""Shaped like csvkit's csvstat.py _calculate_stat(): agate raises for a statistic a text
column has none of, routinely, and None is the answer then (the function ends after the try)."""
import logging
import warnings

import agate

LOG = logging.getLogger(__name__)


class CSVStat:
    def calculate_stat(self, table, column_id, op_data, **kwargs):
        getter = op_data.get('getter')
        with warnings.catch_warnings():
            warnings.simplefilter('ignore', agate.NullCalculationWarning)

            try:
                if getter:
                    return getter(table, column_id, **kwargs)

                op = op_data['aggregation']
                v = table.aggregate(op(column_id))

                if self.is_finite_decimal(v):
                    return format(v, ',')

                return v
            except Exception:
                pass

    def is_finite_decimal(self, value):
        return value is not None and value.is_finite()
