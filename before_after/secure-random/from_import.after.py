# case: unsafe
from random import randint
import secrets
import time


def _random_aes_passphrase(length):
    available = '0123456789abcdefghijklmnopqrstuvwxyz'
    key = b''
    while length > 0:
        key += available[secrets.randbelow(len(available))].encode('utf-8')
        length -= 1
    return key


def back_off():
    time.sleep(randint(1, 5))
