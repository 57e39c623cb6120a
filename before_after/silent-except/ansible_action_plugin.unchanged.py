# case: refuses an Ansible module or plugin
"""Shaped like zuul 14.3.0's zuul/ansible/base/action/zuul_freeze.py: an Ansible action plugin
(it imports ansible.plugins, not ansible.module_utils) outside an action_plugins/ folder."""

from ansible.plugins.action import ActionBase
from ansible.template import recursive_check_defined


class ActionModule(ActionBase):
    def run(self, tmp=None, task_vars=None):
        """If any variable is undefined, it is omitted from the result."""
        results = super(ActionModule, self).run(tmp, task_vars)
        ret = {}
        for var in self._task.args.get('_zuul_freeze_vars'):
            try:
                value = self._templar.template(var, convert_bare=True)
                recursive_check_defined(value)
                ret[var] = value
            except Exception:
                pass
        results['ansible_facts'] = {'_zuul_frozen': ret}
        return results
