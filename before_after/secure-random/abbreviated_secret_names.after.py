# case: unsafe
# case: oldest-python 3.6
"""Abbreviations that name secrets: ec2-api's `psk` (an IPsec pre-shared key) and `pw`."""
import secrets
import string

CHARS = string.ascii_letters + string.digits


def configure_tunnel(tunnel):
    psk = ''.join(secrets.choice(CHARS) for _x in range(32))
    tunnel.configure(psk)


def reset_login(user):
    new_pw = ''.join(secrets.choice(CHARS) for _x in range(12))
    user.update(new_pw)
