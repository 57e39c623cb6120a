# case: unsafe
# case: ignores a line marked nosec: the project reviewed it (said only where a report points)
import hashlib


def legacy_checksum():
    return hashlib.new('md5')  # nosec
