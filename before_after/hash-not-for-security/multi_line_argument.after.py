# case: unsafe
import hashlib


def backend_hashes(new_backend_info, info):
    # Hanging arguments, the last over several lines: the keyword gets a
    # line of its own, or it would read as encode()'s.
    new_hash = hashlib.sha1(
        str(sorted(new_backend_info.items())).encode(
            'utf-8'),
        usedforsecurity=False).hexdigest()
    # Beside the bracket, a line of its own would break the indentation
    # rules: the keyword stays on the line.
    old_hash = hashlib.md5(str(sorted(info.items())).encode(
        'utf-8'), usedforsecurity=False).hexdigest()
    return new_hash, old_hash
