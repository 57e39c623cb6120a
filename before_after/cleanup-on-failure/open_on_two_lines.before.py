# The call's arguments are aligned under its bracket, which `with` would move:
# try/finally keeps the lines where they are.
import tempfile

import yaml


def write_plan(plan):
    plan_file = tempfile.NamedTemporaryFile(suffix='.yaml',
                                            prefix='plan_',
                                            delete=False)
    plan_file.write(yaml.safe_dump(plan).encode())
    name = plan_file.name
    plan_file.close()
    return name
