"""An argument aligned under the bracket that would run past 79 columns moved along."""
# case: unsafe
# case: refuses or would shift an aligned continuation line
import random

CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789'


def reset(user):
    user.password = random.choices(CHARS,
                                   k=user.settings.password_reset_length)
