# case: unsafe
# case: refuses final_string is converted in place and used as given when that fails: the raw value is the intended fallback
"""Shaped like zappa's colorize_invoke_command(): each step colours a part of the text
where it can; the comments above and in the steps label them ("# Line headers") and say
nothing of failing, nor explain a conversion. A step that fails leaves the text as the
step before made it, and the function returns it for printing: None there would break
the output."""
import logging
import re

import click

LOG = logging.getLogger(__name__)


def colorize_invoke_command(string):
    final_string = string
    try:
        # Line headers
        try:
            for token in ["START", "END", "REPORT", "[DEBUG]"]:
                if token in final_string:
                    # match whole words only
                    pattern = r"\b{}\b"
                    repl = click.style("[{}]".format(token), bold=True, fg="cyan")
                    final_string = re.sub(pattern.format(token), repl, final_string)
        except Exception:  # pragma: no cover
            pass

        # Green bold Tokens
        try:
            for token in ["Zappa Event:", "RequestId:", "Version:", "Duration:"]:
                if token in final_string:
                    final_string = final_string.replace(token, click.style(token, bold=True))
        except Exception:  # pragma: no cover
            pass

        return final_string
    except Exception:
        return string
