# case: unsafe
"""Shaped like google-cloud-storage's Client.lookup_bucket(): the docstring's "returning None
if not found" is the result of the NotFound handled by name below, not a word on the cache
update the inner try swallows."""
import logging

logger = logging.getLogger(__name__)


class NotFound(Exception):
    pass


class Client:
    def lookup_bucket(self, bucket_name):
        """Get a bucket by name, returning None if not found."""
        try:
            bucket = self.get_bucket(bucket_name)
            try:
                self._bucket_metadata_cache.update_from_bucket(bucket)
            except Exception:
                pass
            return bucket
        except NotFound:
            return None

    def handle_failed_login(self, user):
        """Handle failed logins."""
        try:
            self.audit.record(user)
        except Exception:
            pass
