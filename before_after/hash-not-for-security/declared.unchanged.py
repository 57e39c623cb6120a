# case: unsafe
# case: refuses usedforsecurity=True says this digest is for security
# case: refuses **kwargs may already pass usedforsecurity
import hashlib


def key_material(data):
    return hashlib.md5(data, usedforsecurity=True).digest()


def already(data):
    return hashlib.md5(data, usedforsecurity=False).hexdigest()


def passed_on(data, **kwargs):
    return hashlib.sha1(data, **kwargs).hexdigest()


def strong(data):
    return hashlib.new('sha256', data).hexdigest()
