# case: unsafe
# case: refuses usedforsecurity=False would not fit in 79 columns
import hashlib


def name(value, other):
    return f(hashlib.md5(value).hexdigest(), other_function_with_long_name(other,
                                                                         value))
