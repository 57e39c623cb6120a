# case: unsafe
# case: refuses `password` says this MD5 digest is for security (password)
import hashlib


class Session(object):
    def _digest(self, payload):
        # IPMI 1.5 style: the digest of the padded password around the message
        password = self.password.ljust(16, b'\0')
        body = password + payload + password
        return hashlib.md5(body).digest()
