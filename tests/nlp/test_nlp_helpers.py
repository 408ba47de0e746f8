"""The spaCy side: the vectorised first pass stages use to find cue and trigger words."""

from __future__ import annotations

from newsgraph.nlp import tokens_with


def test_tokens_with_matches_lemmas_and_lower_case_forms(nlp) -> None:
    doc = nlp("He said that Clinton, according to aides, warned them. Says who? The WARNING stood.")
    found = [doc[i].text for i in tokens_with(doc, frozenset({"say", "warn", "according", "warning"}))]
    assert found == ["said", "according", "warned", "Says", "WARNING"]
    assert tokens_with(nlp(""), frozenset({"say"})) == []
