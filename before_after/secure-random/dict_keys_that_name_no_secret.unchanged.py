# case: unsafe
# case: ignores a dict literal's key decides as a keyword does: ids, delays and samples are no secrets
"""Draws kept under dict keys that name no secret, and abbreviations inside other words."""
import random


def schedule(db, hosts, token):
    db.add({'request_id': random.randint(0, 2 ** 31), 'host': random.choice(hosts)})
    db.add({'retry_after': random.uniform(0.5, 2.0), 'token': token})
    backoff = random.uniform(1, 3)
    db.add({'delay': backoff})
    pwm_duty = random.randint(0, 100)
    return {'duty': pwm_duty}


def generate_quota_values(max_quota):
    # Shaped like rally-openstack's quotas scenario: how many key pairs, not a key.
    return {"key_pairs": random.randint(-1, max_quota), "cores": random.randint(-1, max_quota)}


def new_user_entry(name):
    # Shaped like cowrie's pwd.py: pw_uid is a field of struct passwd, not a password.
    return {"pw_name": name, "pw_uid": random.randint(1500, 10000)}


def psk_hint(client):
    # TLS's PSK identity names which key, in the clear.
    return {'psk_identity': '%s-%d' % (client, random.randint(0, 999))}
