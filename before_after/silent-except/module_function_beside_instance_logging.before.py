# case: unsafe
# case: refuses the module's classes log through self.bot.log.info(...)
"""Shaped like irc3's plugins/feeds.py: its plugin class logs through self.bot.log, but
fetch() runs in a thread pool, a module-level function with no self: where the project
makes module loggers, it gets one (a method of the class is still refused)."""
import logging

import requests


class Feeds:
    def __init__(self, bot):
        self.bot = bot

    def update(self):
        self.bot.log.info('updating feeds')
        try:
            self.bot.privmsg('#irc3', 'updated')
        except Exception:
            pass


def fetch(args):
    for feed in args['feeds']:
        try:
            resp = requests.get(feed, timeout=5)
        except Exception:  # pragma: no cover
            pass
        else:
            args['contents'].append(resp.content)
    return args['name']
