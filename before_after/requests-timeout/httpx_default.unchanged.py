# case: ignores httpx applies a 5-second timeout when none is given
import httpx


def fetch(url):
    return httpx.get(url)
