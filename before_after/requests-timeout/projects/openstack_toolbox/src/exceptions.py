class OpenStackToolboxError(Exception):
    """Exception de base de openstack-toolbox."""


class MetricsCollectionError(OpenStackToolboxError):
    """Erreur lors de la collecte des métriques."""
