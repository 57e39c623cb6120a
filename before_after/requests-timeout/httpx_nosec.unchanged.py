# case: ignores httpx applies a 5-second timeout when none is given, nosec or not
import httpx


def fetch(url):
    return httpx.get(url, verify=False)  # nosec B501
