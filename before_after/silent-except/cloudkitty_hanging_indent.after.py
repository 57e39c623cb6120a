# case: unsafe
"""Shaped like cloudkitty-dashboard's IndexView._get_rating_rules()
(cloudkittydashboard/dashboards/admin/hashmap/views.py), in a project
with no formatter and 79 columns: a message naming the class and the
method fits when the call breaks after ``(`` with one argument per line,
a hanging indent pep8 and hacking accept; only where even that is too
long does the message do without the class."""
import logging

LOG = logging.getLogger(__name__)


class IndexView(object):
    def _get_rating_rules(self):
        rating_rules = []
        try:
            for service in self.services():
                service_id = service.get('service_id')
                try:
                    for mapping in self.mappings(service_id=service_id):
                        rating_rules.append({
                            'service': service.get('name'),
                            'cost': float(mapping.get('cost', 0)),
                        })
                except Exception:
                    LOG.debug(
                        'Ignoring exception in IndexView._get_rating_rules()',
                        exc_info=True)

                try:
                    for field in self.fields(service_id=service_id):
                        try:
                            for mapping in self.mappings(field_id=field):
                                rating_rules.append({
                                    'field': field,
                                    'cost': float(mapping.get('cost', 0)),
                                })
                        except Exception:
                            LOG.debug(
                                'Ignoring exception in _get_rating_rules()',
                                exc_info=True)
                except Exception:
                    LOG.debug(
                        'Ignoring exception in IndexView._get_rating_rules()',
                        exc_info=True)

            return rating_rules
        except Exception:
            return []
