# case: unsafe
# case: ignores Bandit 1.9 no longer reports lxml; a report pointing here gets the advice
from lxml import etree


def read(path):
    return etree.parse(path)
