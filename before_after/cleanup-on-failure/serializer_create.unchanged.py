# case: unsafe
# case: refuses a serializer's create() saves a database row, and serializers have no delete()
"""Shaped like pulpcore's AlternateContentSourceSerializer (Django REST Framework)."""
from rest_framework import serializers


class SourceSerializer(serializers.ModelSerializer):
    def create(self, validated_data):
        paths = validated_data.pop("paths", [])
        source = super().create(validated_data)
        self._update_paths(source, paths)
        return source

    def _update_paths(self, source, paths):
        for path in paths:
            source.paths.create(path=path)
