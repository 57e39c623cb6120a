# case: ignores a whole-tree run is quiet about xmlrpc imports (a report gets the advice)
import xmlrpc.client


def proxy(url):
    return xmlrpc.client.ServerProxy(url)
