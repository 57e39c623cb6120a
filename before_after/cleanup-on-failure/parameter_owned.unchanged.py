# case: refuses ns is a parameter: the caller owns it
def configure(ns, routes):
    ns.create()
    for route in routes:
        ns.add_route(route)
