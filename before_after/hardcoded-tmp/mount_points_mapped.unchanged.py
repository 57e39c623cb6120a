# case: refuses one of the keys of a table of directories with "/usr": no file in it is named
"""Shaped like blivet's GPT helpers: mount points mapped to partition-type UUIDs,
/tmp among them; no file in it is named."""
GPT_VOL_ARCH_ROOT = "4f68bce3-e8cd-4db1-96e7-fbcaf984b709"
GPT_VOL_ARCH_USR = "8484680c-9521-48c6-9c11-b0720656f69e"
GPT_VOL_HOME = "933ac7e1-2eb4-4f13-b844-0e14e2aef915"
GPT_VOL_TMP = "7ec6f557-3bc5-4aca-b293-16ef5df639d1"


def gpt_part_uuid_for_mountpoint(path):
    mapping = {
        "/": GPT_VOL_ARCH_ROOT,
        "/usr": GPT_VOL_ARCH_USR,
        "/home": GPT_VOL_HOME,
        "/tmp": GPT_VOL_TMP,
    }
    if path not in mapping:
        return None
    return mapping[path]
