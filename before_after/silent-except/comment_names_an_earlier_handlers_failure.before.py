# case: unsafe
"""Shaped like wapiti's mod_takeover: the comment above the `if` tells of the domain that does
not exist, which the NXDOMAIN handler makes a result of, not of what the last one swallows."""
import logging

LOG = logging.getLogger(__name__)


async def check(entries, domain):
    for service_entry in entries:
        # Otherwise if the pointed domain doesn't exist it may be enough
        if service_entry["nxdomain"]:
            try:
                await resolve(domain)
            except NXDOMAIN:
                return True
            except BaseException:
                continue
