# case: refuses a configuration default under a shared directory
"""Shaped like bloodhound's Kerberos set-up: MIT Kerberos's default credential cache,
where $KRB5CCNAME is not set; the code only reads it."""
import os


def load_ccache(load_file):
    krb5cc = os.getenv("KRB5CCNAME")
    if krb5cc is None:
        try:
            krb5cc = "/tmp/krb5cc_%u" % os.getuid()
        except AttributeError:
            krb5cc = "nonexistingfile"
    if os.path.isfile(krb5cc):
        return load_file(krb5cc)
    return None
