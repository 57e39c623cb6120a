from yaml import Loader, load


def parse(text):
    return load(text, Loader=Loader)
