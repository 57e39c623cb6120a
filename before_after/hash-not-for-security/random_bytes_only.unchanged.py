# case: refuses it hashes only random bytes (os.urandom(64)): the digest adds nothing
import hashlib
import os


def generate_csrf(session, field_name="csrf_token"):
    # flask-wtf's token: SHA1 only turns the random bytes into hex
    if field_name not in session:
        session[field_name] = hashlib.sha1(os.urandom(64)).hexdigest()
    return session[field_name]
