# case: unsafe
# case: refuses final_string is converted in place and used as given when that fails: the raw value is the intended fallback
"""Shaped like zappa's colorize_log_entry(): step after step colours a part of the text
where it can, and the function returns it for printing; on any other failure it returns
the text as given. A step that fails leaves the text as it was: None would break the
output."""
import logging

import click

LOG = logging.getLogger(__name__)


def colorize_log_entry(string):
    final_string = string
    try:
        # And UUIDs
        for token in final_string.replace("\t", " ").split(" "):
            try:
                if token.count("-") == 4 and token.replace("-", "").isalnum():
                    final_string = final_string.replace(token, click.style(token, fg="magenta"))
            except Exception:  # pragma: no cover
                pass

            # And IP addresses
            try:
                if token.count(".") == 3 and token.replace(".", "").isnumeric():
                    final_string = final_string.replace(token, click.style(token, fg="red"))
            except Exception:  # pragma: no cover
                pass

        # And dates
        for token in final_string.split("\t"):
            try:
                final_string = final_string.replace(token, click.style(token, fg="green"))
            except Exception:  # pragma: no cover
                pass

        final_string = final_string.replace("\t", " ").replace("   ", " ")
        if final_string[0] != " ":
            final_string = " " + final_string
        return final_string
    except Exception:  # pragma: no cover
        return string
