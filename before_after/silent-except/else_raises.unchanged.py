# case: refuses a test: the try's else raises, so the exception is the expected answer
"""Shaped like designate's central service: a child zone that accepts the name is the error."""


class InvalidLocation(Exception):
    pass


def check_location(zones, name, is_valid):
    for zone in zones:
        try:
            is_valid(zone, name)
        except Exception:
            continue
        else:
            raise InvalidLocation('name belongs in a child zone')
