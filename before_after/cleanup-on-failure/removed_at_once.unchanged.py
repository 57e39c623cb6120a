# case: refuses removes temp_dir right after it is made: only its name is kept
"""Shaped like pipenv's utils/dependencies.py: a directory made to reserve a name."""
import os
import tempfile


def generate_temp_dir_path():
    # Create a temporary directory using mkdtemp
    temp_dir = tempfile.mkdtemp()
    # Remove the created directory
    os.rmdir(temp_dir)
    return temp_dir
