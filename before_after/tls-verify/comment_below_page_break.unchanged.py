# case: unsafe
# case: refuses a comment at verify=False gives the project's reason for it
"""A page break (form feed) above: lines are counted as Python counts them."""
import requests




def status(url):
    return requests.get(url, timeout=10, verify=False)  # BMC: self-signed cert
