# case: unsafe
# case: ignores a key whose name is bound more than once, or is a parameter, is not read
"""A subscript key is read as the string a name holds only where that name is bound once."""

import random

slot_name = "session_token"


def remember(store, slot):
    store[slot] = random.randint(1, 6)


def roll(store):
    store[slot_name] = random.randint(1, 6)


def use_other_slot():
    global slot_name
    slot_name = "last_roll"
