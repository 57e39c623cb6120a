# case: ignores verify is bound to False, but set again outside every if, or under the if the call is in: no default of the function's to speak of
"""Names bound to False that are not False by default where the call is: set again
unconditionally, or the call under the same if as the other setting."""
import requests


def reset(cfg, url):
    verify = False
    verify = cfg.get('CAFILE') or True
    return requests.put(url, verify=verify, timeout=60)


def under_the_same_if(cfg, url):
    verify = False
    if cfg.get('CAFILE'):
        verify = cfg.get('CAFILE')
        return requests.put(url, verify=verify, timeout=60)
    return None
