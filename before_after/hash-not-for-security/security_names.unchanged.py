# case: unsafe
# case: refuses `password` says this MD5 digest is for security (password)
# case: refuses `signature` says this SHA1 digest is for security (signature)
# case: refuses `_get_session_key` says this MD5 digest is for security (sessionkey)
# case: refuses `ApiAuth` says this SHA1 digest is for security (auth)
import hashlib


def check(user, password, body):
    stored = hashlib.md5(password.encode()).hexdigest()
    signature = hashlib.sha1(body).hexdigest()
    return stored, signature


class Client:
    def _get_session_key(self):
        digest = hashlib.md5(("%s_%s" % (self._user, self._pw)).encode()).hexdigest()
        return digest


class ApiAuth:
    def header(self, body):
        return hashlib.sha1(body).hexdigest()
