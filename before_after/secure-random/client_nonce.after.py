# case: unsafe
"""Shaped like slixmpp's SASL mechanisms: the client nonce, cnonce in the RFCs."""
import secrets


class SCRAM:
    def process_1(self):
        self.cnonce = ('%s' % secrets.SystemRandom().random())[2:]
        return self.cnonce
