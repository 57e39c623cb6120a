# case: unsafe
"""Shaped like tuir's main(): the link check sends the headers of the Reddit client the
function made with timeout=10, so it waits as long as that client does."""
import requests

from tuir.packages import praw


def main(config, user_agent):
    reddit = praw.Reddit(user_agent=user_agent,
                         decode_html_entities=False,
                         timeout=10,  # 10 second request timeout
                         handler=None)
    if config['link']:
        url = requests.head(
            config['link'],
            headers=reddit.http.headers,
            allow_redirects=True
        ).url
        return url
    return None
