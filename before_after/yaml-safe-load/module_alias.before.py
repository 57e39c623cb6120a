import yaml as y


def load_config(path):
    with open(path) as handle:
        return y.load(handle, Loader=y.FullLoader)


def load_all_documents(stream):
    return list(y.load_all(stream, y.UnsafeLoader))
