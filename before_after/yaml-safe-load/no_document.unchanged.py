# case: refuses call shape not understood
import yaml

settings = yaml.load(Loader=yaml.Loader)
