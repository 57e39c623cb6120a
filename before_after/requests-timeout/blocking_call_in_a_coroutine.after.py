# case: unsafe
"""Shaped like jupyterhub-nativeauthenticator's SignUpHandler: a blocking post in a
coroutine keeps its fix; the reason says it blocks the event loop for that long."""
import requests
from tornado import web


class SignUpHandler(web.RequestHandler):
    async def post(self):
        data = {"response": self.get_body_argument("g-recaptcha-response")}
        url = "https://www.google.com/recaptcha/api/siteverify"
        validation_status = requests.post(url, data=data, timeout=60)
        self.write(validation_status.json())
