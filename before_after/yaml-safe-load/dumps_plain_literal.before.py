"""Shaped like Bandit's own yaml example: the module dumps a dict literal of plain scalars,
which the full dumper writes with no Python tag; the load is still fixed."""
import yaml


def test_yaml_load():
    ystr = yaml.dump({"a": 1, "b": 2, "c": [3, "four", None, True]})
    y = yaml.load(ystr)
    return y
