# case: unsafe
# case: refuses the function's docstring says the call may fail
"""Shaped like tuir's (and rtv's) terminal.py: the cursor call fails on some terminals, on
every prompt, and the docstring says so."""
import curses
import logging

_logger = logging.getLogger(__name__)


class Terminal:
    @staticmethod
    def curs_set(val):
        """
        Change the cursor visibility, may fail for some terminals with limited
        cursor support.
        """
        try:
            curses.curs_set(val)
        except:
            pass


def show_cursor(val):
    """Show or hide the cursor where the terminal can (optional)."""
    try:
        curses.curs_set(val)
    except Exception:
        pass


def register_plugin(registry, plugin):
    """Register the plugin with the registry; one already there is fine."""
    try:
        registry.register(plugin)
    except Exception:
        pass
