"""A comment line among arguments aligned under the bracket: it would stay behind."""
# case: unsafe
# case: refuses or would shift an aligned continuation line
import random
import string


def make_password():
    return ''.join(random.choices(string.ascii_letters,
                                  # long enough for the portal
                                  k=24))
