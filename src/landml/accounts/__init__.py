"""Owners of data: one implicit owner locally, many on a shared deployment."""
