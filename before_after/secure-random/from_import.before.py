# case: unsafe
from random import randint
import time


def _random_aes_passphrase(length):
    available = '0123456789abcdefghijklmnopqrstuvwxyz'
    key = b''
    while length > 0:
        key += available[randint(0, len(available) - 1)].encode('utf-8')
        length -= 1
    return key


def back_off():
    time.sleep(randint(1, 5))
