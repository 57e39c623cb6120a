# case: unsafe
# case: refuses a probe: what fails there is answered `{"gui_is_active": False}` after the try
"""Shaped like thonny's backend: Tk events processed every 50 ms, once the window is gone
the update fails on every poll."""
import logging

LOG = logging.getLogger(__name__)


def process_gui_events(tcl):
    try:
        if tcl is not None:
            tcl.eval("update")
            return {}
    except Exception:
        pass
    return {"gui_is_active": False}
