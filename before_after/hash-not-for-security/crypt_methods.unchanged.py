# case: unsafe
# case: refuses crypt.METHOD_MD5 is a weak password hash
# case: refuses crypt.METHOD_CRYPT is a weak password hash
import crypt


def shadow_entry(password):
    return crypt.crypt(password, crypt.mksalt(crypt.METHOD_MD5))


def legacy(password):
    return crypt.crypt(password, salt=crypt.METHOD_CRYPT)


def modern(password):
    return crypt.crypt(password, crypt.mksalt(crypt.METHOD_SHA512))
