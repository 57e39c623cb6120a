# case: unsafe
# case: project openstack_toolbox src/openstack_metrics_collector.py
"""Shaped like openstack-toolbox 1.6.0's src/openstack_metrics_collector.py: the project
configures no width, 5 of its 12 modules hold tables of translated messages (lines of
strings up to 155 columns, which no formatter breaks) and the code of each keeps within
88, so the width is 88: the third call gets its timeout too (81 columns)."""

import requests

from src.config import get_language_preference

TRANSLATIONS = {
    "fr": {
        "no_project_vars": "⚠️ Aucun projet trouvé dans les variables d'environnement avec suffixe _PROJECT.",
        "resources_error": "❌ Erreur récupération ressources: {} {}",
        "metrics_resource_error": "⚠️ Impossible de récupérer métriques pour ressource {}: {} {}",
        "measures_error": "⚠️ Impossible de récupérer mesures métrique {}: {} {}",
        "identity_metrics_error": "❌ Erreur lors de la récupération des métriques d'identité pour le projet {}",
        "unknown": "inconnu",
    },
}


class GnocchiAPI:
    def __init__(self, gnocchi_url, token):
        self.gnocchi_url = gnocchi_url.rstrip("/")
        self.headers = {
            "X-Auth-Token": token,
            "Content-Type": "application/json",
            "Accept": "application/json",
        }

    def get_resources(self, resource_type="instance"):
        lang = get_language_preference()
        url = f"{self.gnocchi_url}/v1/resource/{resource_type}"
        resp = requests.get(url, headers=self.headers)
        if resp.status_code != 200:
            logger.error(
                TRANSLATIONS[lang]["resources_error"].format(
                    resp.status_code, resp.text
                )
            )
            return []
        return resp.json()

    def get_metrics_for_resource(self, resource_id):
        lang = get_language_preference()
        url = f"{self.gnocchi_url}/v1/resource/instance/{resource_id}/metric"
        resp = requests.get(url, headers=self.headers)
        if resp.status_code != 200:
            logger.warning(
                TRANSLATIONS[lang]["metrics_resource_error"].format(
                    resource_id, resp.status_code, resp.text
                )
            )
            return {}
        return resp.json()

    def get_measures(self, metric_id, start_iso, end_iso):
        lang = get_language_preference()
        url = f"{self.gnocchi_url}/v1/metric/{metric_id}/measures"
        params = {
            "start": start_iso,
            "stop": end_iso,
        }
        resp = requests.get(url, headers=self.headers, params=params)
        if resp.status_code != 200:
            logger.warning(
                TRANSLATIONS[lang]["measures_error"].format(
                    metric_id, resp.status_code, resp.text
                )
            )
            return []
        return resp.json()


def collect_instance_metrics(conn, lang):
    for instance in conn.compute.servers():
        if instance.flavor:
            if isinstance(instance.flavor, dict):
                if "id" in instance.flavor:
                    flavor_id = instance.flavor.get("id", TRANSLATIONS[lang]["unknown"])
                else:
                    flavor_id = instance.flavor.id
                yield flavor_id
