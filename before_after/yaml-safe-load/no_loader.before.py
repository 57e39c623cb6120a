import yaml

settings = yaml.load(open("settings.yaml"))
