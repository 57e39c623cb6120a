import yaml

settings = yaml.safe_load(open("settings.yaml"))
