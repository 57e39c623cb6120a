# case: refuses a configuration default under a shared directory
"""Shaped like mlflow's environment_variables.py: a setting named after its variable."""


class _EnvironmentVariable:
    def __init__(self, name, type_, default):
        self.name, self.type, self.default = name, type_, default


MLFLOW_DFS_TMP = _EnvironmentVariable("MLFLOW_DFS_TMP", str, "/tmp/mlflow")
