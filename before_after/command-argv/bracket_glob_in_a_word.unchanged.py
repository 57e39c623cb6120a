# case: refuses a glob ([...]): file names it expands to can smuggle in options
"""A bracket inside a word is still a bracket expression: [ab]* and x] are globs or text
the shell may expand, unlike a word that is exactly [ or ]."""
import subprocess


def purge():
    subprocess.check_call('rm -f -- [ab]*', shell=True)
