# The call's arguments are aligned under its bracket, which `with` would move:
# try/finally keeps the lines where they are.
import tempfile

import yaml


def upload_plan(plan, upload):
    plan_file = tempfile.NamedTemporaryFile(suffix='.yaml',
                                            prefix='plan_')
    try:
        plan_file.write(yaml.safe_dump(plan).encode())
        plan_file.flush()
        upload(plan_file.name)
    finally:
        plan_file.close()
