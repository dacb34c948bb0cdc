"""Placeholder: the dedicated issue replaces this with the real coder."""

from __future__ import annotations


def code_events(ctx) -> list:
    return []
