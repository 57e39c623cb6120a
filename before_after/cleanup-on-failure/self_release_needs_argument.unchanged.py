# case: unsafe
# case: refuses UserModel.delete() needs user, which is not known here: self.delete() would raise TypeError on every failed create()
"""Shaped like Kallithea's kallithea/model/user.py: the class's own delete() takes the user
to delete, so a bare self.delete() after a failing step would raise TypeError."""


class UserModel(object):
    def create(self, form_data):
        return object()

    def delete(self, user, cur_user=None):
        pass

    def create_registration(self, form_data):
        new_user = self.create(form_data)
        notify(new_user.user_id)
