# case: unsafe
import hashlib


def trigger_hash(template, sql_args):
    # django-pgtrigger's: the argument hangs below the call, the bracket below
    # it; the keyword takes a line of its own between them.
    return (
        hashlib.sha1(
            template.format(**{**sql_args, **{"hash": ""}}).encode("utf-8"),
            usedforsecurity=False
        ).hexdigest()
    )
