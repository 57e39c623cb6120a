# case: unsafe
# case: refuses `password` says this MD5 digest is for security (password)
# case: refuses `signature` says this SHA1 digest is for security (signature)
# case: refuses `_get_session_key` says this MD5 digest is for security (sessionkey)
# case: refuses `ApiAuth` says this SHA1 digest is for security (auth)
# case: refuses `auth_data` says this MD5 digest is for security (auth)
# case: refuses `SENSITIVE_HEADERS` says this SHA1 digest is for security (sensitive)
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


class KeyedDigest:
    def serialize(self, packet, key_id):
        header = packet.pack()
        auth_data = key_id.to_bytes(4, 'big') + self.key
        h = hashlib.md5()
        h.update(header + auth_data)
        self.digest = h.digest()


SENSITIVE_HEADERS = ('X-Auth-Token',)


def safe_header(name, value):
    if name in SENSITIVE_HEADERS:
        return name, '{SHA1}%s' % hashlib.sha1(value.encode()).hexdigest()
    return name, value
