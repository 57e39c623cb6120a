# case: refuses with its pipe never read nothing waits for the command
"""Shaped like flask-appbuilder's babel commands: the next step needs the first's output."""
import os


def babel_extract(config, input_path, output):
    os.popen(f"pybabel extract -F {config} -k lazy_gettext -o {output} {input_path}")
    os.popen(f"pybabel update -i {output} -d translations")
