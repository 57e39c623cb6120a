# case: unsafe
# case: refuses `password` says this MD5 digest is for security (password)
# case: refuses `password` says this SHA1 digest is for security (password)
"""Shaped like zabbix-api's ZabbixAPI.login(): the function is named for the login, but the
password it hashes is what the reason names first."""
import hashlib


class ZabbixAPI(object):
    def login(self, user, password):
        params = {"user": user, "password": hashlib.md5(password.encode("utf-8")).hexdigest()}
        return self.do_request("user.login", params)


class Provider(object):
    """Shaped like dns-lexicon's WEDOS provider: a hashed `login` is the user's name."""

    @staticmethod
    def _auth_hash(login, password):
        passhash = hashlib.sha1(password.encode("utf8")).hexdigest()
        phrase = login + passhash
        return hashlib.sha1(phrase.encode("utf8")).hexdigest()
