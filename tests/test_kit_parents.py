"""kit.parents: what is around a node, by the parents ParentProvider records."""

import libcst as cst
from libcst.metadata import MetadataWrapper

from cwemod.codemods.kit.match import nodes_of_type
from cwemod.codemods.kit.parents import ParentProvider, statement_in_block

SOURCE = """\
first()
if ready:
    prepare()
    go(now())
if ready: inline()
"""


def test_the_block_of_a_nodes_statement_and_its_index():
    wrapper = MetadataWrapper(cst.parse_module(SOURCE))
    parents = wrapper.resolve(ParentProvider)
    calls = {call.func.value: call for call in nodes_of_type(wrapper.module, cst.Call)}

    block, index = statement_in_block(calls["now"], parents.get)
    assert isinstance(block, cst.IndentedBlock) and index == 1
    block, index = statement_in_block(calls["first"], parents.get)
    assert block is wrapper.module and index == 0
    block, index = statement_in_block(calls["inline"], parents.get)
    assert block is wrapper.module and index == 2  # no block of its own: the if's statement
