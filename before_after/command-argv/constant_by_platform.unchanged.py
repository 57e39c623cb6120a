# case: ignores a constant command: nothing can be injected (noted where a report asks)
"""Shaped like detect-secrets' audit/io.py: a variable bound only to constants."""
import os
import platform


def clear_screen():
    command = "clear"
    if platform.system() == "Windows":
        command = "cls"
    os.system(command)
