# case: unsafe
# case: ignores a pagination cursor (NextToken), which names no secret
"""Shaped like pacu's ec2__enum module: a client for a random region pages through."""
import random


def enumerate_instances(get_client, regions):
    next_token = ""
    client = get_client("ec2", random.choice(regions))
    while True:
        response = client.describe_instances(NextToken=next_token)
        next_token = response.get("NextToken")
        if not next_token:
            return response
