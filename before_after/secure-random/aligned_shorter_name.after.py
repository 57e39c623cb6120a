"""A shorter name moves the lines aligned under its bracket to the left."""
# case: unsafe
import secrets


def new_session(size):
    session_key = secrets.randbits(8 *
                                   size)
    return session_key
