# case: unsafe
# case: refuses a filter: the loop skips the items whose values cannot be read
# case: refuses a fallback follows
import logging

LOG = logging.getLogger(__name__)


def kernel_subnets(output):
    """manila's ip_lib: the output's last line is empty, and split()[0] fails there."""
    subnets = []
    for line in output.split("\n"):
        try:
            subnet = line.split()[0]
        except Exception:
            continue
        subnets.append(subnet)
    return subnets


def scoped_metadata(extra_specs):
    """manila's share API: only scoped keys (prefix:key) are kept."""
    metadata = {}
    for k, v in extra_specs.items():
        try:
            prefix, metadata_key = k.split(":")
        except Exception:
            continue
        metadata[metadata_key] = v
    return metadata


class WekaClient:
    def get_capacity(self):
        """GET /capacity on Weka 4.x, summed from GET /drives on 5.x."""
        try:
            result = self._get("/capacity")
            return result.get("data", result)
        except Exception:
            pass
        drives = self._get("/drives")
        return sum(drive["capacity"] for drive in drives)


class Containers:
    def start_container(self, uuid):
        """ironic's: a stray pass after the best-effort cleanup."""
        try:
            self._start(uuid)
        except Exception as e:
            try:
                self._delete_container_file(uuid)
                pass
            except Exception:
                pass
            raise e
