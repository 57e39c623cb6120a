# case: unsafe
# case: oldest-python 3.6
"""Shaped like ec2-api's ec2api/api/vpn_connection.py: the IPsec pre-shared key is drawn
into `psk` and kept under 'pre_shared_key' in the dict the database stores."""

import random
import string

from ec2api.db import api as db_api


SHARED_KEY_CHARS = string.ascii_letters + '_.' + string.digits


def create_vpn_connection(context, customer_gateway, vpn_gateway):
    psk = ''.join(random.choice(SHARED_KEY_CHARS) for _x in range(32))
    vpn_connection = db_api.add_item(
         context, 'vpn',
         {'customer_gateway_id': customer_gateway['id'],
          'vpn_gateway_id': vpn_gateway['id'],
          'pre_shared_key': psk,
          'cidrs': []})
    return vpn_connection


def create_admin(context, name):
    # A name that says nothing, stored under a key that says password.
    chars = ''.join(random.choice(SHARED_KEY_CHARS) for _x in range(16))
    db_api.add_item(context, 'user', {'name': name, 'admin_password': chars})
    db_api.add_item(context, 'session', {'auth_token': str(random.getrandbits(128))})
