# case: ignores json.load and a local load() are not PyYAML
import json


def load(path):
    return path


data = json.load(open("data.json"))
other = load("x")
