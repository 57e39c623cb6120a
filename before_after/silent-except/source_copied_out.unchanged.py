# case: unsafe
# case: refuses stream_output() is copied out as source
"""Shaped like kfp's notebook executor template: the helpers' source is copied into the
code a component's container runs, without the module's names."""
import inspect
import logging
import textwrap

logger = logging.getLogger(__name__)


def stream_output(output):
    try:
        print(output["text"], end="")
    except Exception:
        pass


def executor_source():
    functions = [stream_output]
    return "\n".join(textwrap.dedent(inspect.getsource(f)) for f in functions)
