"""The same bytes from every executor, on a sample of real Neutron code."""

from __future__ import annotations

import pytest

from cwemod.engine import plan
from cwemod.engine.request import make_request
from realsource import sdist_tree

pytestmark = pytest.mark.realcode

# Neutron's L3 agent: the seed review's module and the lock, namespace and
# command code around it (29 files).
SAMPLE = "neutron/agent/l3"


def _outputs(results):
    return {result.display: (result.new, result.error) for result in results}


def test_serial_pool_and_dask_give_the_same_bytes_on_neutron():
    pytest.importorskip("distributed")
    sample = sdist_tree("neutron", "29.0.0") / SAMPLE

    serial = _outputs(plan(make_request([sample], unsafe=True, jobs=1)))
    pooled = _outputs(plan(make_request([sample], unsafe=True, jobs=2)))
    clustered = _outputs(plan(make_request([sample], unsafe=True, jobs=2, executor="dask")))

    assert len(serial) == 29
    assert pooled == serial
    assert clustered == serial
