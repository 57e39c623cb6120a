# case: refuses written only where the environment sets DUMP_CONFIG_GRAPH, under the name a comment gives
"""Shaped like diskimage-builder 3.43.0's block_device/config.py: the block device graph,
dumped for a developer who sets DUMP_CONFIG_GRAPH and opens the file the comment names."""
import os

import networkx as nx


def create_graph(config):
    dg = nx.DiGraph()
    for name in config:
        dg.add_node(name)

    # this can be quite helpful debugging but needs pydotplus which
    # isn't in requirements.  for debugging, do
    #   DUMP_CONFIG_GRAPH=1 tox -e py27 -- specific_test
    #   dotty /tmp/graph_dump.dot
    # to see helpful output
    if 'DUMP_CONFIG_GRAPH' in os.environ:
        nx.nx_pydot.write_dot(dg, '/tmp/graph_dump.dot')
    return dg
