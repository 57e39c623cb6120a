# case: unsafe
# case: refuses RejectPolicy would shift an aligned continuation line
import paramiko


def connect(host, options):
    client = paramiko.SSHClient()
    # The bracket the next line is aligned under would move left.
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy()).y([None,
                                                                    0])
    return client
