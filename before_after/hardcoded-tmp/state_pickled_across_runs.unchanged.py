"""vitrage 15.0.1's machine_learning/plugins/jaccard_correlation/accumulation_persistor_utils.py:
the correlation plugin's accumulated alarm data, pickled to fixed names in /tmp when it is
saved and unpickled from them when the service starts again. A random name from mkstemp()
would never be found again; a pickle another user plants there runs as the service."""
# case: unsafe
# case: refuses state kept across runs: keep it under a directory the service owns
# case: refuses a planted file runs code as the service when it is loaded
from collections import namedtuple
import pickle

from oslo_log import log

LOG = log.getLogger(__name__)

AccumulatedData = namedtuple('AccumulatedData', ['activity', 'intersection'])

ACTIVITY_PATH = "/tmp/alarms_activity.txt"


def load_data():
    try:
        with open(ACTIVITY_PATH, 'rb') as activity_f:
            alarms_activity = pickle.load(activity_f)
    except Exception as e:
        LOG.info('Cannot load alarms_activity - %s', e)
        return AccumulatedData({}, {})
    return AccumulatedData(alarms_activity, {})


def save_accumulated_data(data_manager):
    try:
        with open(ACTIVITY_PATH, 'wb') as activity_f:
            pickle.dump(data_manager.alarms_activity, activity_f)
    except Exception:
        LOG.exception('Cannot save alarms_activity.')
