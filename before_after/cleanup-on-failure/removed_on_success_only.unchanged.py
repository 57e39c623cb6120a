# case: unsafe
# case: refuses os.rmdir() removes base_dir only when every step before it succeeds: a failure leaves it behind, with what the steps made in it; remove it when a step fails, by hand
"""Shaped like radicale's pathutils probes: the probe's directory goes only on success."""
import os
import tempfile


def path_is_case_sensitive(path):
    base_dir = tempfile.mkdtemp(dir=path)
    upper = os.path.join(base_dir, "TESTDIR")
    lower = os.path.join(base_dir, "testdir")
    os.mkdir(upper)
    result = True
    try:
        os.mkdir(lower)
    except FileExistsError:
        result = False
    else:
        os.rmdir(lower)
    # cleanup
    os.rmdir(upper)
    os.rmdir(base_dir)
    return result
