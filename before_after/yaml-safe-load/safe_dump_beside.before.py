"""The module also writes YAML, but with safe_dump and SafeDumper: what it
writes safe_load reads back."""
import yaml


def load(path):
    with open(path) as handle:
        return yaml.load(handle)


def save(path, data):
    with open(path, "w") as handle:
        yaml.safe_dump(data, handle)
    with open(path + ".all", "w") as handle:
        yaml.dump_all([data], handle, Dumper=yaml.SafeDumper)
