# case: unsafe
# case: refuses a probe: the try returns its answer when it works, and the function gives None
"""The probe of probe_else_returns, with the None it gives written out after the try."""
import json


def decoded(text):
    try:
        value = json.loads(text)
    except Exception:
        pass
    else:
        return value["message"]
    return None
