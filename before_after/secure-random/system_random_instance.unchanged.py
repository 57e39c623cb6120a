# case: unsafe
# case: ignores random here is an instance of SystemRandom, not the random module
import random as random_module
import string

random = random_module.SystemRandom()


def generate_password(length):
    chars = string.ascii_letters + string.digits
    return ''.join(random.sample(chars, length))
