# case: unsafe
# case: refuses a lookup whose KeyError is the normal miss
"""Shaped like oci-cli's cli_root.py: the dict of service modules to initialise is an empty
literal nothing adds to, so the lookup raises KeyError on every invocation and the handler
is the normal path."""
import importlib

SUBCOMMAND_TO_SERVICE_INIT_MODULE = {}


def cli(ctx):
    try:
        name = SUBCOMMAND_TO_SERVICE_INIT_MODULE[ctx.invoked_subcommand]
        module = importlib.import_module(name)
        module.init()
    except Exception:
        pass
    return ctx
