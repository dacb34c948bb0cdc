"""Human-rights NGOs, named or generic, are one actor NGOHRI (data/actors/entities.tsv)."""

from __future__ import annotations

import pytest

from multipolar.actors.resolver import ActorResolver

pytestmark = pytest.mark.model


def test_named_and_generic_rights_groups_are_ngohri(nlp):
    res = ActorResolver().resolve(nlp("Amnesty International and other rights groups accused Egypt of torture."),
                                  "2025-04-02")
    codes = {c for m in res.mentions for c in m.codes}
    assert "NGOHRI" in codes and "EGY" in codes
