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


def java_classes(sources, as_file, as_dir, warn):
    """scons' jar tool: each source is tried as a file, then as a folder, then warned about."""
    classes = []
    for src in sources:
        try:
            classes.extend(as_file(src))
            continue
        except Exception:
            pass
        try:
            classes.extend(as_dir(src))
            continue
        except Exception:
            pass
        warn(src)
    return classes


class RestClient:
    def remove_all_packages(self, ref, response):
        """conan's: a 404 may mean there are no packages, else the error is raised below."""
        if response.status_code == 404:
            # Double check if it is a 404 because there are no packages
            try:
                if not self._get_json(self.router.search_packages(ref)):
                    return
            except Exception:
                pass
        if response.status_code != 200:
            self._raise_exception_from_error(response)


def use_repl_context_if_available(name, f):
    """mlflow's: the Databricks runtime's value when there is one, else the function's."""

    def wrapper(*args, **kwargs):
        try:
            from dbruntime.databricks_repl_context import get_context

            context = get_context()
            if context is not None and hasattr(context, name):
                attr = getattr(context, name)
                if attr is None:
                    pass
                else:
                    return attr
        except Exception:
            pass
        return f(*args, **kwargs)

    return wrapper
