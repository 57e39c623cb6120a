"""nbdime 4.0.4's nb_server_extension.py: the try's return is its error exit.

When the version check fails (no packaging), loading goes on; when it works and
passes, it falls through too: the return is taken only after a critical log,
so the code after the try is no fallback for it.
"""

# case: refuses an optional check: when it cannot be made, the code after the try goes on
# case: unsafe
from jupyter_server._version import __version__


def _load_jupyter_server_extension(nb_server_app, nb6_entrypoint=False):
    if nb6_entrypoint:
        try:
            from packaging.version import parse, Version
            if parse(__version__) >= Version('2.0.0'):
                nb_server_app.log.critical(
                    "You must use Jupyter Server v1 to load nbdime. "
                    f"You have v{__version__} installed."
                )
                return
        except Exception: # noqa
            pass
    web_app = nb_server_app.web_app
    web_app.add_handlers(".*$", [])
