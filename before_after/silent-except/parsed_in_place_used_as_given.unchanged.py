# case: unsafe
# case: refuses targets is parsed in place (eval()) where it is text: where it is not, or the parse fails, the raw value is the intended fallback, used as given
"""Shaped like py2app's build_support.FixupTargets(): `setup(app=["main.py"])` passes a list,
eval() of a list raises TypeError, and the list is used as given; only text is parsed."""
import logging

LOG = logging.getLogger(__name__)


def fixup_targets(targets):
    if not targets:
        return targets
    try:
        targets = eval(targets)
    except:  # noqa: E722,B001
        pass
    return [t for t in targets]
