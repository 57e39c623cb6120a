# case: unsafe
# case: refuses the handler runs as the module is imported
"""Shaped like aws-sam-cli's colors.py: ANSI colours switched on as it is imported."""
import os
import platform

if platform.system().lower() == "windows":
    try:
        os.system("color")
    except Exception:
        pass


def paint(text, colour):
    return f"[{colour}]{text}"
