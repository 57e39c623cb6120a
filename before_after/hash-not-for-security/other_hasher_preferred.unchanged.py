# case: unsafe
# case: refuses the name is also bound to sha1dc.sha1, which the module may prefer
"""Shaped like dulwich's objects.py: a collision-detecting SHA-1 where it is installed."""
try:
    from sha1dc import sha1
except ImportError:
    from hashlib import sha1


def object_id(type_name, chunks):
    digest = sha1()
    digest.update(type_name + b" %d\x00" % sum(map(len, chunks)))
    for chunk in chunks:
        digest.update(chunk)
    return digest.hexdigest()
