from setuptools import setup

setup(
    name='detect_secrets',
    packages=['detect_secrets'],
    classifiers=[
        'Programming Language :: Python :: 3',
        'Programming Language :: Python :: 3 :: Only',
    ],
)
