# case: unsafe
import hashlib


def device_names(name1, name2, hashlen):
    crc1 = hashlib.md5(name1.encode('utf-8'),
                       usedforsecurity=False).hexdigest()[:hashlen] + name1[:4]
    crc2 = hashlib.md5(
        name2.encode('utf-8'),
        usedforsecurity=False,
    ).hexdigest()
    crc3 = hashlib.sha1(
        name2.encode('utf-8'),
        usedforsecurity=False
    ).hexdigest()
    return crc1, crc2, crc3
