"""A shorter name moves the lines aligned under its bracket to the left."""
# case: unsafe
import random


def new_session(size):
    session_key = random.getrandbits(8 *
                                     size)
    return session_key
