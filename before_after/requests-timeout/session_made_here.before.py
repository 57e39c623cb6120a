# case: unsafe
"""Shaped like tqdm's Telegram sender: a stock Session waits forever too."""
import requests


class TelegramIO:
    API = "https://api.telegram.org/bot"

    def __init__(self, token, chat_id):
        self.session = requests.Session()
        self.token = token
        self.chat_id = chat_id

    def write(self, text):
        return self.session.post(
            self.API + self.token + "/sendMessage",
            data={"text": text, "chat_id": self.chat_id},
        )


def fetch_status(url):
    with requests.Session() as session:
        return session.get(url).status_code
