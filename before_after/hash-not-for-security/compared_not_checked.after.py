# case: unsafe
"""Digests compared where no mismatch fails: changedetection.io skips an unchanged
screenshot (its raise says they are the same), moto's Glue compares a policy hash the
caller gives before it makes one, and an upload is checked against S3's ETag, whose MD5
the protocol fixes."""

import hashlib


class SameAsBefore(Exception):
    pass


def screenshot_changed(screenshot, watch):
    current_md5 = hashlib.md5(screenshot, usedforsecurity=False).hexdigest()
    previous_md5 = watch.get("previous_md5")
    if previous_md5 and current_md5 == previous_md5:
        raise SameAsBefore()
    return current_md5


def put_policy(policy_dict, policy_in_json, policy_hash_condition):
    stored = policy_dict.get("PolicyHash")
    if policy_hash_condition and policy_hash_condition != stored:
        raise ValueError("Policy hash condition not met")
    policy_hash = hashlib.md5(policy_in_json.encode(),
                              usedforsecurity=False).hexdigest()
    policy_dict.update(PolicyInJson=policy_in_json, PolicyHash=policy_hash)


def upload(client, bucket, key, data):
    response = client.put_object(Bucket=bucket, Key=key, Body=data)
    etag = response["ETag"].strip('"')
    if hashlib.md5(data, usedforsecurity=False).hexdigest() != etag:
        raise IOError("upload corrupted")
