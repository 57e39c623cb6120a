# case: unsafe
# case: ignores keys picked from a mapping's own keys, used only to index it, name entries and open nothing
"""Shaped like borgbackup 1.4.5's src/borg/testsuite/hashindex_pytest.py: a random share of
a mapping's entries is dropped, by keys sampled from the mapping itself."""
import random


def evict(cache, n):
    """Drop n entries from the cache."""
    delete_keys = random.sample(list(cache), k=n)
    for k in delete_keys:
        cache.pop(k)


def evict_one(cache, stats):
    victim_key = random.choice(sorted(cache))
    if victim_key in cache:
        stats[victim_key] = cache.get(victim_key)
        del cache[victim_key]
