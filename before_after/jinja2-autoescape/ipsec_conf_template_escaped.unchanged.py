# case: project neutron_vpnaas neutron_vpnaas/services/vpn/device_drivers/ipsec.py
# case: unsafe
# case: refuses the templates shipped here (neutron_vpnaas/services/vpn/device_drivers/template/libreswan/ipsec.conf.template, ...) are none of .html, .htm or .xml
"""Shaped like neutron-vpnaas 29.0.0's device_drivers/ipsec.py: the environment renders
only template/{strongswan,libreswan}/*.template (ipsec.conf, ipsec.secret), no HTML;
autoescape=True turns a peer id's & (a DN "O=A & B") into &amp; all the same."""
import jinja2

JINJA_ENV = None


def _get_template(template_file):
    global JINJA_ENV
    if not JINJA_ENV:
        templateLoader = jinja2.FileSystemLoader(searchpath="/")
        JINJA_ENV = jinja2.Environment(loader=templateLoader, autoescape=True)
    return JINJA_ENV.get_template(template_file)
