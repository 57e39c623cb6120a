# case: unsafe
# case: refuses when __init__() fails after self.stateFileOut is made, it closes itself as the half-made object is dropped
# case: refuses when __init__() fails after self.stateFileIn is made, it closes itself
"""Shaped like toil's DeferredFunctionManager (src/toil/deferred.py): two file objects made
in __init__ that no method of the class closes; they close when the object goes, a failed
__init__'s half-made object included."""
import logging
import os

logger = logging.getLogger(__name__)


class DeferredFunctionManager:
    def __init__(self, stateDirBase):
        self.stateFileName = os.path.join(stateDirBase, "state")
        self.stateFileOut = open(self.stateFileName, "wb")
        self.stateFileIn = open(self.stateFileName, "rb")

        logger.debug("Opened with own state file %s" % self.stateFileName)

    def __del__(self):
        if os.path.exists(self.stateFileName):
            os.unlink(self.stateFileName)

    def _runAllDeferredFunctions(self):
        self.stateFileIn.seek(0)
        self.stateFileOut.truncate()
