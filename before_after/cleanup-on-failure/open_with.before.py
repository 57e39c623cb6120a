import json


def load_settings(path):
    handle = open(path, encoding="utf-8")  # settings are small
    settings = json.load(handle)
    check(settings)
    handle.close()
    return settings
