# case: refuses the module imports after other code
from __future__ import absolute_import

__metaclass__ = type

DOCUMENTATION = """
short_description: publish an event
"""

import json


def publish(event):
    try:
        send(json.dumps(event))
    except Exception:
        pass
