# case: unsafe
# case: refuses the digest goes only to self.debug(): a digest of a secret in a log
# case: refuses log no function of the secret at all (a fixed mask such as '***')
# case: refuses the digest goes only to print()
# case: refuses the digest goes only to logging.info()
# case: refuses `password` says this MD5 digest is for security (password): use SHA-256
"""Shaped like zabbix-api's ZabbixAPI.login(): "don't print the raw password", so its MD5
goes to the debug log instead, where an unsalted digest is cracked offline."""
import hashlib
import logging


class ZabbixAPI(object):
    def login(self, user='', password=''):
        l_user = user
        l_password = password
        # don't print the raw password.
        hashed_pw_string = "md5(" + hashlib.md5(l_password.encode('utf-8')).hexdigest() + ")"
        self.debug(logging.DEBUG, "Trying to login with %s:%s" %
                (repr(l_user), repr(hashed_pw_string)))
        return self.do_request({'user': l_user, 'password': l_password})


def show(password):
    print("password md5:", hashlib.md5(password.encode()).hexdigest())


def report(password):
    # printing the password itself does not make its digest in a log harmless
    print("password:", password)
    logging.info("password md5 %s", hashlib.md5(password.encode()).hexdigest())


def check(password, stored):
    digest = hashlib.md5(password.encode()).hexdigest()
    logging.debug("checking %s", digest)
    return digest == stored
