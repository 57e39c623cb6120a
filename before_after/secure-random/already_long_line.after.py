# case: unsafe
"""Shaped like impacket's examples: a password line past 79 columns already."""
import secrets
import string


def new_computer_password(self):
    self.__computerPassword = ''.join(secrets.choice(string.ascii_letters + string.digits + string.punctuation) for _ in range(32))
