# case: unsafe
# case: refuses GeneratorExit
"""Shaped like cfn-lint's rules/conditions/EqualsIsUseful.py: a bare except around a yield
in a generator also catches GeneratorExit, thrown in when the consumer stops early
(``next(gen, None)``): a log line there would report a false failure with its traceback."""
import logging

LOGGER = logging.getLogger(__name__)


class EqualsIsUseful:
    def equals_is_useful(self, validator, instance):
        try:
            first = instance[0]
            second = instance[1]
            if str(first) == str(second):
                yield f"{instance!r} will always return True"
        except:  # noqa: E722
            pass
