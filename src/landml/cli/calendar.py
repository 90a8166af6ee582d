"""Placeholder module replaced below."""

import click


def register(cli: click.Group) -> None:
    return None
