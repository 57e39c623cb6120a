# case: unsafe
# case: refuses alembic's op.execute() takes no parameters to bind
"""Shaped like anitya's migrations: alembic's op runs the SQL it is given as it is."""
from alembic import op


def upgrade(plugins):
    for backend in plugins:
        op.execute(f"INSERT INTO backends (name) VALUES ('{backend.name}');")
