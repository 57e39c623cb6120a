# case: unsafe
# case: ignores a value that flows into no secret's name is left alone
"""Shaped like more_itertools' weighted reservoir sampling: a key that orders a heap."""
from heapq import heapreplace
from math import log
from random import uniform


def sample_weighted(reservoir, t_w, weight):
    r_2 = uniform(t_w, 1)  # generate U(t_w, 1)
    weight_key = log(r_2) / weight
    heapreplace(reservoir, (weight_key, weight))
