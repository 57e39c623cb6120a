#!/usr/bin/env -S uv run --script
# case: unsafe
# case: refuses catches ParseError, and defusedxml raises its refusals (EntitiesForbidden, a ValueError) instead: catch defusedxml.DefusedXmlException there too; and defusedxml is not in this script's inline metadata
# /// script
# dependencies = [
#   "chardet",
# ]
# ///
"""Shaped like afew's DMARCReportInspectionFilter: a ParseError becomes the filter's own
error, and nothing declares defusedxml (afew's pyproject lists chardet, dkimpy, notmuch2)."""
import xml.etree.ElementTree as ET


class DMARCInspectionError(Exception):
    pass


def read_auth_results(document):
    try:
        results = {'dkim': True, 'spf': True}
        root = ET.fromstring(document)
        for record in root.findall('record'):
            results['dkim'] &= record.findtext('auth_results/dkim/result') == 'pass'
    except ET.ParseError as parse_error:
        raise DMARCInspectionError(parse_error)
    return results
