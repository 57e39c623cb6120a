# case: refuses already uses a safe loader
import yaml


def parse(text):
    return yaml.load(text, Loader=yaml.CSafeLoader)
