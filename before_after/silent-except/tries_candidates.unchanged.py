# case: refuses tries candidates in turn in a loop
# case: unsafe
import logging

LOG = logging.getLogger(__name__)


def connect(client, addresses):
    for address in addresses:
        try:
            client.connect(address)
            return address
        except Exception:
            pass
    raise ConnectionError("no address answered")


def read_model(paths):
    for path in paths:
        with open(path) as model_file:
            try:
                for line in model_file:
                    if line.startswith("MODEL="):
                        break
            except Exception:
                continue
