# case: unsafe
# case: oldest-python 3.9
# case: refuses the peer's protocol fixes MD5 here
"""Shaped like pg8000's core.py (1.31.6): PostgreSQL's MD5 password authentication.

The server picks the method (`auth_code == 5`) and the reply is tagged b"md5": no other
hash answers it. The advice leads with the protocol (prefer its SCRAM-SHA-256, which the
client speaks under `auth_code == 10`), not "use SHA-256"."""

from hashlib import md5


class Connection:
    def handle_AUTHENTICATION_REQUEST(self, data, context):
        auth_code = i_unpack(data)[0]
        if auth_code == 0:
            pass
        elif auth_code == 5:
            salt = b"".join(cccc_unpack(data, 4))
            pwd = b"md5" + md5(
                md5(self.password + self.user).hexdigest().encode("ascii") + salt
            ).hexdigest().encode("ascii")
            self._send_message(PASSWORD, pwd + NULL_BYTE)
        elif auth_code == 10:
            self.auth = scramp.ScramClient(self.mechanisms, self.user, self.password)
