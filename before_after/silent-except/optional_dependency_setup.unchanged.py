# case: refuses an optional dependency: the try imports it first
"""Shaped like flask-security's utils.py: a sender registered where twilio is installed."""
import logging

LOG = logging.getLogger(__name__)

SENDERS = {}

try:
    from twilio.rest import Client

    class TwilioSender:
        def send(self, to, body):
            Client().messages.create(to=to, body=body)

    SENDERS["Twilio"] = TwilioSender
except Exception:
    pass
