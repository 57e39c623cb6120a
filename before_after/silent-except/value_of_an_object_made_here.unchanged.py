# case: refuses an optional setting: the object made here keeps its default where the
"""Shaped like pypykatz's CREDENTIAL_ATTRIBUTE.from_buffer(): the keyword stays bytes
when it is no UTF-16 text, in a record the function builds itself."""
import logging

logger = logging.getLogger(__name__)


class CredentialAttribute:
    keyword = b""

    @staticmethod
    def from_buffer(buff):
        sk = CredentialAttribute()
        sk.keyword = buff.read(16)
        try:
            sk.keyword = sk.keyword.decode("utf-16-le")
        except Exception:
            pass
        return sk


class CloudConfig:
    port = None

    @classmethod
    def from_dict(cls, d):
        # cassandra-driver's cloud config: made with cls(), the port optional
        c = cls()
        c.port = d.get("port", None)
        try:
            c.port = int(d["port"])
        except Exception:
            pass
        return c
