# case: unsafe
"""Shaped like slixmpp's SASL mechanisms: the client nonce, cnonce in the RFCs."""
import random


class SCRAM:
    def process_1(self):
        self.cnonce = ('%s' % random.random())[2:]
        return self.cnonce
