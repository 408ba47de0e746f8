"""The spaCy side: the vectorised first pass stages use to find cue and trigger words."""

from __future__ import annotations

import gc

import pytest
from spacy.tokens import Doc, Span, Token

from newsgraph.nlp import children_of, release, sentence_of, tokens_with


def test_tokens_with_matches_lemmas_and_lower_case_forms(nlp) -> None:
    doc = nlp("He said that Clinton, according to aides, warned them. Says who? The WARNING stood.")
    found = [doc[i].text for i in tokens_with(doc, frozenset({"say", "warn", "according", "warning"}))]
    assert found == ["said", "according", "warned", "Says", "WARNING"]
    assert tokens_with(nlp(""), frozenset({"say"})) == []


def test_sentence_of_is_the_tokens_sentence(nlp) -> None:
    doc = nlp("Israel struck Gaza. Egypt called for calm on Monday. Talks resume.")
    assert [sentence_of(t).text for t in (doc[0], doc[5], doc[-1])] == [
        s.text for s in (doc[0].sent, doc[5].sent, doc[-1].sent)
    ]
    assert sentence_of(doc[4:7]).start == doc[4].sent.start


def test_children_of_is_the_tokens_children_and_release_drops_the_cache(nlp) -> None:
    doc = nlp("Jordan and Britain agreed on Tuesday to hold talks with Syria in Amman.")
    for tok in doc:
        assert [c.i for c in children_of(tok)] == [c.i for c in tok.children]
    agreed = next(t for t in doc if t.lemma_ == "agree")
    assert children_of(agreed) is children_of(agreed)  # made once, then read
    assert sentence_of(doc[0]) is sentence_of(doc[3])
    release(doc)
    held = [v for v in doc.user_data.values() if isinstance(v, dict)]
    assert not any(isinstance(x, Token | Span | tuple) for d in held for x in d.values())


def test_an_article_leaves_no_doc_in_a_reference_cycle(pipeline, gallant_text: str) -> None:
    # a Span or Token kept on its own Doc's user_data ties the Doc in a cycle: every Doc then
    # waits for the garbage collector, which slowed the whole pipeline by a tenth
    from newsgraph.ingest.base import InputDocument
    from newsgraph.record import Source

    docs = [InputDocument(text=gallant_text, source=Source(format="text"), id=str(i)) for i in range(3)]
    gc.collect()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        list(pipeline.process(docs))
        gc.collect()
        kept = [type(o).__name__ for o in gc.garbage if isinstance(o, Doc | Span | Token)]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()
    assert kept == []


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("JERUSALEM, March 3 (AP) - Israeli troops shot dead a gunman in Hebron.", "JERUSALEM, March 3 (AP) -"),
        (
            "CAMBRIDGE, Mass., Dec. 11 (UPI) — Young Democrats are gravitating toward Sanders.",
            "CAMBRIDGE, Mass., Dec. 11 (UPI) —",
        ),
        ("BRUSSELS - European leaders agreed on Friday to impose new sanctions.", "BRUSSELS -"),
        # capitals with dots are no dateline
        ("U.S. - China talks resumed in Beijing on Monday.", "U.S. - China talks resumed in Beijing on Monday."),
    ],
)
def test_a_wire_dateline_is_a_sentence_of_its_own(nlp, text: str, first: str) -> None:
    assert next(nlp(text).sents).text == first


def test_a_dateline_is_no_argument_of_the_event_after_it(extract) -> None:
    art = extract("JERUSALEM, March 3 (AP) - Israeli troops shot dead a Palestinian gunman in Hebron.")
    shooting = next(e for e in art.events if e.type == "ASSAULT")
    assert [art.actor(i).name for i in shooting.source] == ["Israeli troops"]
