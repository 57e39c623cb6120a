# case: unsafe
# case: oldest-python 3.8
# case: refuses a streamed response handed on or read line by line
"""A streamed response handed to a function of the module that reads it line by line, or
hands it on again: an event feed, which a read timeout would end after a quiet spell."""
import requests


def follow(url):
    response = requests.get(url, stream=True)
    print_events(response)


def relay(url, sink):
    response = requests.get(url, stream=True)
    forward(response, sink)


def print_events(response):
    for line in response.iter_lines():
        print(line)


def forward(response, sink):
    sink.consume(response)


class Feed:
    def follow(self, url):
        response = requests.get(url, stream=True)
        self.show(response)

    def show(self, response):
        for line in response.iter_lines():
            print(line)
