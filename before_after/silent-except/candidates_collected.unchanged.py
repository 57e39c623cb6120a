# case: unsafe
# case: refuses tries candidates in turn in a loop
"""Shaped like cvat-sdk's model_utils.py get_oneof_instance() and get_anyof_instances():
each schema that builds from the input is kept, and none matching raises after the loop."""
import logging

logger = logging.getLogger(__name__)


class ApiValueError(Exception):
    pass


def get_oneof_instance(cls, model_kwargs, constant_kwargs):
    oneof_instances = []
    for oneof_class in cls._composed_schemas["oneOf"]:
        try:
            oneof_instance = oneof_class(**model_kwargs, **constant_kwargs)
            oneof_instances.append(oneof_instance)
        except Exception:
            pass
    if len(oneof_instances) == 0:
        raise ApiValueError("None of the oneOf schemas matched the input data.")
    elif len(oneof_instances) > 1:
        raise ApiValueError("Multiple oneOf schemas matched the inputs.")
    return oneof_instances[0]


def get_anyof_classes(self, model_args):
    matched = set()
    for anyof_class in self._composed_schemas["anyOf"]:
        if anyof_class is None:
            continue
        try:
            anyof_class(**model_args)
            matched.add(anyof_class)
        except Exception:
            pass
    if not matched:
        raise ApiValueError("None of the anyOf schemas matched the inputs.")
    return matched
