# case: refuses custom or unresolved Loader
import yaml

from myproject.yamlext import RestrictedLoader


def parse(text):
    return yaml.load(text, Loader=RestrictedLoader)
