# case: unsafe
# case: oldest-python 3.9
# case: refuses `password` says this MD5 digest is for security (password)
"""A query that finds a user by the MD5 of the password: a stored credential, whatever the
lookup; what is hashed outranks the query it goes to."""

import hashlib


def find_user(session, name, password):
    password_hash = hashlib.md5(password.encode()).hexdigest()
    return session.query(User).filter_by(name=name, password_hash=password_hash).first()
