# case: ignores a constant command: nothing can be injected (noted where a report asks)
"""Shaped like cherrypy's _cpmodpy.py: a constant command whose output nobody reads."""
import os


def stop_apache():
    os.popen("apache -k stop")
