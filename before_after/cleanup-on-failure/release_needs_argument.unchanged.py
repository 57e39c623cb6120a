# case: unsafe
# case: refuses AbsReplicaOp.delete() needs replica_id, which is not known here: super(PairOp, self).delete() would raise TypeError on every failed create()
"""Shaped like Cinder's volume/drivers/huawei/replication.py."""


class AbsReplicaOp(object):
    def __init__(self, client):
        self.client = client

    def create(self, **kwargs):
        pass

    def delete(self, replica_id):
        pass


class PairOp(AbsReplicaOp):
    def create(self, local_lun_id, rmt_lun_id):
        super(PairOp, self).create()

        params = {
            "LOCALRESID": local_lun_id,
            "REMOTERESID": rmt_lun_id,
        }
        pair_info = self.client.create_pair(params)
        return pair_info['ID']
