# case: refuses self.loader is YamlCodec's property loader, which gives yaml.loader.Loader (an unsafe loader); SafeYamlCodec overrides it with yaml.loader.SafeLoader
"""Shaped like trove's common/stream_codecs.py: the codec loads with its own property, the
unsafe loader in YamlCodec, SafeLoader in SafeYamlCodec, the one other modules use."""
import yaml


class YamlCodec(object):
    def deserialize(self, stream):
        return yaml.load(stream, Loader=self.loader)

    @property
    def loader(self):
        return yaml.loader.Loader


class SafeYamlCodec(YamlCodec):
    @property
    def loader(self):
        return yaml.loader.SafeLoader
