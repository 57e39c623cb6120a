# case: ignores the command is constant text, a module constant in it (noted where a report asks)
"""Shaped like ipyparallel's engine benchmark: the engine count is a module constant."""
from subprocess import check_call

n = 20

check_call(f"ipcluster start -n {n} --daemon --profile=asv", shell=True)
