# case: unsafe
# case: refuses the module has api_config.timeout, a timeout the project sets
"""Shaped like mlflow's OpenAI deployments: the client's calls take the configured timeout,
which list_models() has at hand too."""
import requests
from openai import OpenAI


def chat(api_config, payload):
    client = OpenAI(api_key=api_config.key, timeout=api_config.timeout)
    return client.chat.completions.create(**payload)


def list_models(api_config, headers):
    return requests.get("https://api.openai.com/v1/models", headers=headers)
