"""Zuul's Azure driver (zuul/driver/azure/azureendpoint.py): a VM admin
password drawn by random.choices(), its arguments aligned under the bracket."""
# case: unsafe
import random
import string


def generate_password():
    while True:
        chars = random.choices(string.ascii_lowercase +
                               string.ascii_uppercase +
                               string.digits,
                               k=64)
        if ((set(string.ascii_lowercase) & set(chars)) and
            (set(string.ascii_uppercase) & set(chars)) and
            (set(string.digits) & set(chars))):
            return ''.join(chars)
