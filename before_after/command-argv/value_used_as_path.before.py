# case: unsafe
"""Shaped like nikola's basic_import.py: the folder tested as a path, then put in a command."""
import os


class Importer:
    def generate_base_site(self):
        if not os.path.exists(self.output_folder):
            os.system('nikola init -q ' + self.output_folder)
        else:
            self.import_into_existing_site = True
