# case: ignores a /tmp path in an option's help or metavar is usage text (noted where asked)
"""Shaped like validations-libs' cli/run.py and cli/show.py: an example path shown in --help."""
import argparse

import click


def get_parser():
    parser = argparse.ArgumentParser(
        description="Run validations; extra vars may come from /tmp/my_vars.yaml",
        epilog="/tmp/example.yaml shows the format",
    )
    parser.add_argument(
        '--extra-vars-file',
        action='store',
        metavar="/tmp/my_vars_file.[json|yaml]",
        default=None,
        help=(
            "Absolute or relative Path to a JSON/YAML file containing extra variable(s) "
            "to pass to one or multiple validation(s) execution.\n"))
    parser.add_argument(
        '--download',
        action='store',
        default=None,
        help=("Create a json or a yaml file "
              "containing all the variables "
              "available for the validations: "
              "/tmp/myvars"))
    return parser


@click.command()
@click.option("--output", metavar="/tmp/out.json", help="/tmp/out.json by default")
def main(output):
    print(output)
