# case: refuses an optional value that keeps its default when it cannot be read
# case: unsafe
import logging
import platform

LOG = logging.getLogger(__name__)


class OpenStackInfo:
    def _update_platform(self):
        try:
            self._platform = platform.platform()
        except Exception:
            pass

    def _update_version(self):
        try:
            version = self._read_version()
            if version:
                self._version = version
        except Exception:
            pass

    def worker_info(self):
        # luigi's: the fields it cannot read are left out.
        args = [("workers", self._workers)]
        try:
            args += [("host", platform.node())]
        except Exception:
            pass
        return args


def supported_pipelines():
    """mlflow's: the classes of the libraries that are installed."""
    supported = ()
    try:
        from transformers import FeatureExtractionPipeline

        supported += (FeatureExtractionPipeline,)
    except Exception:
        pass
    return supported
