# case: unsafe
# case: refuses a manager's create() saves a database row, and managers have no delete()
"""Shaped like Weblate's CommentManager and AnnouncementManager (Django model managers)."""
from django.db import models


class CommentManager(models.Manager):
    def add(self, request, unit, text):
        new = self.create(unit=unit, comment=text, user=request.user)
        new.notify(request)
        return new


class AnnouncementManager(models.Manager["Announcement"]):
    def create(self, **kwargs):
        result = super().create(**kwargs)
        result.notify()
        return result
