"""The indexed attribute ruler writes what spaCy's own writes, token for token."""

from __future__ import annotations

import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler

from newsgraph.nlp.attribute_ruler import IndexedAttributeRuler, index_attribute_ruler
from newsgraph.settings import Settings

# the ruler's exceptions: contractions, "n't", "let's", "gonna", "y'all", pronoun case by
# dependency, "there is", a line break, determiners used as pronouns, "but" as an adverb
TEXTS = [
    "Let's be clear: we ain't gonna back down, y'all, and I didn't say that.\n\n"
    "There is nothin' to discuss, the minister said. That is what he told them and it worked.",
    "She'd have done it if they hadn't gone; c'mon, you gotta see it, he said. But the deal, "
    "which Israel's cabinet approved on Tuesday, was what Hamas had rejected. It's all but over.",
]
COLUMNS = [TAG, POS, MORPH, LEMMA, DEP, HEAD]


@pytest.fixture(scope="module")
def stock_and_indexed() -> tuple[Language, Language]:
    model = Settings().model
    stock, indexed = spacy.load(model), spacy.load(model)
    index_attribute_ruler(indexed)
    return stock, indexed


def test_the_pipeline_uses_the_indexed_ruler(nlp) -> None:
    assert isinstance(nlp.get_pipe("attribute_ruler"), IndexedAttributeRuler)


def test_tags_morphology_and_lemmas_are_spacys(stock_and_indexed, gallant_text: str) -> None:
    stock, indexed = stock_and_indexed
    assert type(stock.get_pipe("attribute_ruler")) is AttributeRuler
    for text in [*TEXTS, gallant_text]:
        ours, theirs = indexed(text), stock(text)
        assert (ours.to_array(COLUMNS) == theirs.to_array(COLUMNS)).all()
        assert [str(t.morph) for t in ours] == [str(t.morph) for t in theirs]
    doc = indexed(TEXTS[0])
    assert [t.lemma_ for t in doc[:2]] == ["let", "us"]  # a two-token pattern: "'s" after "let"
    assert next(t for t in doc if t.lower_ == "n't").pos_ == "PART"


def test_matches_are_spacys_including_patterns_it_cannot_index(stock_and_indexed) -> None:
    stock, indexed = stock_and_indexed
    patterns = [
        *stock.get_pipe("attribute_ruler").patterns,
        # an operator the index does not read: left to spaCy's Matcher
        {"patterns": [[{"LOWER": "deal"}, {"IS_PUNCT": True, "OP": "?"}, {"LOWER": "which"}]], "attrs": {"LEMMA": "x"}},
        {"patterns": [[{"LENGTH": {">=": 9}, "TAG": "NNP"}]], "attrs": {"LEMMA": "long"}, "index": -1},
        # indexed: three tokens, the middle one any token
        {"patterns": [[{"LOWER": "the"}, {}, {"TAG": "NN"}]], "attrs": {"LEMMA": "y"}, "index": 1},
    ]
    spacys, ours = AttributeRuler(stock.vocab), IndexedAttributeRuler(stock.vocab)
    spacys.add_patterns(patterns)
    ours.add_patterns(patterns)
    assert len(ours._residual) == 2  # noqa: SLF001 - the two patterns above, and only they
    with stock.select_pipes(disable=["attribute_ruler", "lemmatizer"]):
        for text in TEXTS:
            doc = stock(text)
            assert sorted(set(ours.match(doc))) == sorted(set(spacys.match(doc)))
            assert ours.match(doc) == sorted(ours.match(doc))  # in rule order: later rules win
    anything = IndexedAttributeRuler(stock.vocab)  # a pattern that reads no attribute at all
    anything.add([[{}]], {"LEMMA": "z"})
    assert [start for _, _, start, _ in anything.match(stock("Talks resumed."))] == [0, 1, 2]
