# case: unsafe
# case: refuses count is converted in place and used as given when that fails: the raw value is the intended fallback (the statement after the try passes it on as it is)
"""Shaped like msldap's bundled cstruct parser (msldap/external/bloodhoundpy/lib/cstruct.py):
an array's count that cannot be evaluated yet stays an Expression, which the Array evaluates
later; the None in the other branch means an array with no count, not a failed one."""
import logging

LOG = logging.getLogger(__name__)


class StructParser:
    def parse_fields(self, fields):
        result = []
        for d in fields:
            type_ = self.cstruct.resolve(d["type"])
            if d["count"] is not None:
                if d["count"] == "":
                    count = None
                else:
                    count = Expression(self.cstruct, d["count"])
                    try:
                        count = count.evaluate()
                    except Exception:
                        pass

                type_ = Array(self.cstruct, type_, count)
            result.append(type_)
        return result


def array_of(cstruct, type_, text):
    count = Expression(cstruct, text)
    try:
        count = count.evaluate()
    except Exception:
        pass
    return Array(cstruct, type_, count)
