# case: unsafe
# case: refuses the try tests for a value with .index(): failing means it is not there
# case: refuses runs in __str__, which callers use to print or log the object
"""Shaped like impacket: a membership test, and an error's text."""
import logging

LOG = logging.getLogger(__name__)


class Binding:
    def __init__(self, endpoint):
        self.endpoint = endpoint
        try:
            self.endpoint.index('endpoint=')
            self.endpoint = self.endpoint[len('endpoint='):]
        except:
            pass


class KerberosError(Exception):
    def __str__(self):
        message = 'Kerberos error'
        try:
            message += ': %s' % self.packet['error-code']
        except:
            pass
        return message
