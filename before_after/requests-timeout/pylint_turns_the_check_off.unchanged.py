# case: project horizon_pylint horizon/management/commands/pull_catalog.py
# case: refuses the project's pylint configuration turns this check off project-wide
"""Shaped like horizon 27.0.0's pull_catalog.py: its .pylintrc turns missing-timeout off,
and pylint gates the project (tox -e pep8)."""
import requests

from django.core.management.base import BaseCommand

CATALOG_URL = "https://translate.openstack.org/rest/file/translation/%s"


class Command(BaseCommand):
    def handle(self, *args, **options):
        response = requests.get(CATALOG_URL % options["project"])
        response.raise_for_status()
        return response.text
