import yaml as y


def load_config(path):
    with open(path) as handle:
        return y.safe_load(handle)


def load_all_documents(stream):
    return list(y.safe_load_all(stream))
