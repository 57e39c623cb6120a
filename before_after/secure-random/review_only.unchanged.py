# case: refuses `token` names a secret (token)
import random

token = random.randint(0, 10 ** 6)
