# case: ignores SQL execute() and a local Popen are not shell commands
from alembic import op


def Popen(*args, **kwargs):
    return args


def upgrade(table):
    op.execute('ALTER TABLE %s DROP PRIMARY KEY' % table)
    Popen('/bin/gcc --version', shell=True)
