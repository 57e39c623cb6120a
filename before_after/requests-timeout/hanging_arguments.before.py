# case: unsafe
"""Shaped like radicale's OAuth2 login: the arguments hang on one line."""
import requests


class Auth:
    def _login_ext(self, login, password):
        req_params = {"username": login, "password": password}
        req_headers = {"Content-Type": "application/x-www-form-urlencoded"}
        try:
            if req_params:
                res = requests.post(
                    self._endpoint, data=req_params, headers=req_headers
                )
                return res.status_code
        except OSError:
            return None
