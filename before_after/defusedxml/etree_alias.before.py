# case: unsafe
#    Licensed under the Apache License, Version 2.0 (the "License"); you may
#    not use this file except in compliance with the License.

import xml.etree.ElementTree as ET

from oslo_log import log as logging

LOG = logging.getLogger(__name__)


def read_inventory(path):
    return list(ET.parse(path).getroot())


def read_reply(text):
    return ET.fromstring(text)
