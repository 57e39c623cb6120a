# case: refuses an optional value that keeps its default when it cannot be read
"""Shaped like pretix's check-in of an unknown barcode: each generator that can read the
secret adds what it names; one that cannot returns None."""
import logging

LOG = logging.getLogger(__name__)


def describe(generators, barcode):
    details = {"raw_barcode": barcode}
    for generator in generators:
        try:
            parsed = generator.parse_secret(barcode)
            details.update({"raw_item": parsed.item, "raw_variation": parsed.variation})
        except Exception:
            pass
    return details
