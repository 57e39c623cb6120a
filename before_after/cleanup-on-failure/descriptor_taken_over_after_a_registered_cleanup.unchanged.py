# case: ignores the descriptor is taken over at once: the step before only registers a cleanup
"""semgrep's write_shard(): an exit stack's callback is registered for the name, then the
descriptor goes to os.fdopen() in a with."""
import os
import tempfile


def write_shard(exit_stack, body):
    fd, name = tempfile.mkstemp(suffix=".json")
    exit_stack.callback(os.unlink, name)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(body)
    return name
