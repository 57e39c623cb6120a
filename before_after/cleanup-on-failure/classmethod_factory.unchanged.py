# case: refuses klass is the class this classmethod is called on
"""breezy's ControlDir.create_branch_and_repo(): klass.create() makes a new control
directory, not a resource of a receiver (superset's cls.create() too)."""


class ControlDir:
    @classmethod
    def create_branch_and_repo(klass, base, force_new_repo=False, format=None):
        controldir = klass.create(base, format)
        controldir._find_or_create_repository(force_new_repo)
        return controldir.create_branch()
