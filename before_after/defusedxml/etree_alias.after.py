# case: unsafe
#    Licensed under the Apache License, Version 2.0 (the "License"); you may
#    not use this file except in compliance with the License.

import defusedxml.ElementTree
from oslo_log import log as logging

LOG = logging.getLogger(__name__)


def read_inventory(path):
    return list(defusedxml.ElementTree.parse(path).getroot())


def read_reply(text):
    return defusedxml.ElementTree.fromstring(text)
