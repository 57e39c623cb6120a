# case: refuses best-effort cleanup: ignoring a failed release or teardown is deliberate
"""Shaped like bentoml's NvidiaGpuResource.from_system(): on a host without NVIDIA the
library never loaded, and its shutdown fails every time."""
import logging

import pynvml

LOG = logging.getLogger(__name__)


def gpu_count():
    try:
        pynvml.nvmlInit()
        return pynvml.nvmlDeviceGetCount()
    except pynvml.NVMLError:
        return 0
    finally:
        try:
            pynvml.nvmlShutdown()
        except Exception:
            pass
