import json


def load_settings(path):
    with open(path, encoding="utf-8") as handle:  # settings are small
        settings = json.load(handle)
        check(settings)
    return settings
