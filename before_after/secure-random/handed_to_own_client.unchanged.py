# case: unsafe
# case: ignores a random pick handed to the object's own client builds no secret from it
"""Shaped like Rally's cinder scenario: metadata keys come back from the API."""
import random


class Scenario(object):
    def run(self, sets):
        volume = random.choice(self.context['volumes'])
        keys = self.cinder.set_metadata(volume['id'], sets=sets)
        self.cinder.delete_metadata(volume['id'], keys=keys)
