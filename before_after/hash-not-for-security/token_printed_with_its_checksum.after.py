# case: unsafe
"""Shaped like zuul 14.3.0's zuul/cmd/client.py create_auth_token(): the command prints the
token itself, then its SHA1 "Checksum"; the digest goes to the command's output beside the
secret it is made of, not to a log, and shows nothing the output does not."""
import hashlib
import sys
import time

import jwt


class Client:
    def create_auth_token(self):
        now = int(time.time())
        token = {'iat': now, 'sub': self.args.user}
        key = self.args.key
        try:
            auth_token = jwt.encode(token,
                                    key=key,
                                    algorithm='HS256')
            print("Bearer %s" % auth_token)
            if self.args.print_meta_info:
                print("User:\t\t%s" % self.args.user)
                print("SHA1 Checksum:\t%s" % hashlib.sha1(
                    auth_token.encode("utf-8"),
                    usedforsecurity=False).hexdigest())
            err_code = 0
        except Exception as e:
            print(e)
            err_code = 1
        finally:
            sys.exit(err_code)
