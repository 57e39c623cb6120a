# case: unsafe
"""Shaped like truffleHog's: main() passes find_strings() an on/off flag, `do_entropy`,
that is never hashed; the digest is a key of the commits already searched."""
import hashlib

def main(args):
    do_entropy = bool(args.entropy)
    return find_strings(args.commits, do_entropy)

def find_strings(commits, do_entropy=True):
    seen = set()
    for cur in commits:
        key = hashlib.md5(str(cur).encode('utf-8')).digest()
        seen.add(key)
    return seen
