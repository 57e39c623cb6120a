"""Shaped like karbor 1.6.0's karbor/services/protection/clients/utils.py: the try asks
Keystone for the service's endpoint, and the `if url: return url` right after it is followed
by a raise, so no default is kept: the failure surfaces as that error."""

# case: unsafe
# case: refuses the code after the try raises exception.KarborException when this way fails (`if url:`): the failure surfaces there, and no default is kept
import logging

LOG = logging.getLogger(__name__)


def get_url(service, context, client_config, **kwargs):
    url = ""
    # get url by accessing keystone
    try:
        keystone_plugin = kwargs.get('keystone_plugin')
        url = keystone_plugin.get_service_endpoint(
            client_config.service_name, client_config.service_type,
            client_config.region_id, client_config.interface)

        url = url.replace("$", "%")
    except Exception:
        pass

    if url:
        return url

    raise exception.KarborException(
        _("Couldn't find the endpoint of service(%s)") % service)
