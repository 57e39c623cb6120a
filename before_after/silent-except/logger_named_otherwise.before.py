# case: unsafe
"""Shaped like volatility3's plugins: each module's logger is vollog."""
import logging

vollog = logging.getLogger(__name__)


def history_sizes(values):
    sizes = set()
    for value in values:
        try:
            sizes.add(value.decode_data())
        except Exception:
            continue
    return sizes
