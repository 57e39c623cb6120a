# case: unsafe
"""Shaped like pyTelegramBotAPI's telebot/__init__.py: the random module has a group and
a comment of its own; secrets takes its place."""
from datetime import datetime

import logging

# random module to generate random string
import secrets
import string

LOG = logging.getLogger(__name__)


def webhook_secret_token(n=32):
    token = "".join(secrets.SystemRandom().choices(string.digits, k=n))
    LOG.debug("secret made at %s", datetime.now())
    return token
