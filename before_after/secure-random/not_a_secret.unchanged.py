# case: unsafe
# case: ignores values that feed no secret-looking name: delays, samples, sort keys, instances
import random
import time

RNG = random.Random()


def pick_hosts(hosts, count):
    chosen = random.sample(hosts, count)
    time.sleep(random.uniform(0.1, 0.5))
    hosts.sort(key=lambda host: random.random())
    token = make_token(length=random.randint(8, 12))
    if random.random() < 0.5:
        chosen.reverse()
    return chosen, token
