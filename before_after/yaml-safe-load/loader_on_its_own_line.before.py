# case: refuses shift an aligned continuation line
# Without the loader the call fits on one line: no continuation line is left
# to align, so the call is joined rather than refused.
import yaml


def load(stream):
    return yaml.load(stream,
                     Loader=yaml.FullLoader)


def load_file(path):
    with open(path) as f:
        data = yaml.load(
            f, Loader=yaml.Loader)
    return data


def load_documented(stream):
    # Joined, the call would lose its comment: refused, as before.
    return yaml.load(stream,  # trusted input only
                     Loader=yaml.FullLoader)


def load_opened(path):
    # The document hangs below its bracket: nothing is aligned to the bracket.
    return yaml.load(open(
        path), Loader=yaml.Loader)
