"""spaCy's attribute ruler with its patterns looked up instead of tried at every token.

The English pipelines map each fine-grained tag to its coarse tag and morphology, and fix
a few words ("'s" after "let", "n't"), with an :class:`~spacy.pipeline.AttributeRuler` of
179 patterns. spaCy's ``Matcher`` tries every pattern at every token: on news text that is
about 36 µs a token, a sixth of the whole parse (measured on the PolNeAR texts with
``en_core_web_sm`` 3.8). The patterns only compare a token's tag, lower-cased form,
dependency label or whitespace flag with fixed values, so :class:`IndexedAttributeRuler`
judges each value once, for all patterns together: for every attribute it keeps, per value
met, the set of token specs that value satisfies (a bit mask), and a token satisfies the
specs in the intersection of its values' sets. A pattern of several tokens matches where
its token specs follow each other. Patterns it cannot read that way (an ``OP``, an operator
other than equality, ``IN``, ``NOT_IN`` or ``REGEX``, another attribute) go to a ``Matcher``
as before. The matches, their order and the attributes written are spaCy's own, so every
token's tag, part of speech, morphology and lemma come out the same (pinned in
``tests/nlp/test_attribute_ruler.py``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from operator import and_
from typing import Any, cast

from spacy.attrs import IDS
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.pipeline.attributeruler import attribute_ruler_score
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs
from spacy.vocab import Vocab

# Token attributes whose value is a string in the StringStore (the Doc array holds its
# hash), and the flags whose value is 0 or 1; patterns on anything else go to the Matcher.
STRING_ATTRS = frozenset({"ORTH", "LOWER", "NORM", "TAG", "DEP", "LEMMA"})
FLAG_ATTRS = frozenset({"IS_SPACE", "IS_PUNCT", "IS_ALPHA", "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE"})

Match = tuple[int, int, int, int]  # (rule number, match key, start, end), as AttributeRuler.match
Test = Callable[[Any], bool]


def _value_test(value: Any, flag: bool) -> Test | None:
    """A test of one attribute's value, or None where the Matcher must judge it."""
    if flag:
        if not isinstance(value, bool):
            return None
        return value.__eq__
    if isinstance(value, str):
        return value.__eq__
    if not isinstance(value, dict) or len(value) != 1:
        return None
    ((op, arg),) = value.items()
    if op == "REGEX" and isinstance(arg, str):
        search = re.compile(arg).search
        return lambda v: search(v) is not None
    if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(a, str) for a in arg):
        options = frozenset(arg)
        return options.__contains__ if op == "IN" else lambda v: v not in options
    return None


def _token_test(spec: dict[str, Any]) -> list[tuple[str, Test]] | None:
    """The tests one token spec makes, by attribute name, or None if any is not indexable."""
    tests: list[tuple[str, Test]] = []
    for key, value in spec.items():
        if not isinstance(key, str):  # an attribute given by its number: the Matcher reads it
            return None
        name = "ORTH" if key.upper() == "TEXT" else key.upper()
        if name not in STRING_ATTRS and name not in FLAG_ATTRS:
            return None
        test = _value_test(value, name in FLAG_ATTRS)
        if test is None:
            return None
        tests.append((name, test))
    return tests


class IndexedAttributeRuler(AttributeRuler):
    """An :class:`~spacy.pipeline.AttributeRuler` that finds its matches by table look-ups.

    Same patterns, same serialisation, same output; only :meth:`match` and
    :meth:`set_annotations` differ in how they get there.
    """

    def __init__(
        self,
        vocab: Vocab,
        name: str = "attribute_ruler",
        *,
        validate: bool = False,
        scorer: Callable | None = attribute_ruler_score,
    ) -> None:
        super().__init__(vocab, name, validate=validate, scorer=scorer)
        self.clear()

    def clear(self) -> None:
        super().clear()
        self._residual = Matcher(self.vocab, validate=self.validate)  # patterns not indexed
        self._specs: list[list[tuple[str, Test]]] = []  # each indexed token spec's tests; its bit is 1 << position
        # each indexed pattern: (rule number, match key, the bits of its token specs in order)
        self._patterns: list[tuple[int, int, tuple[int, ...]]] = []
        self._attr_names: list[str] = []  # the attributes the indexed specs read
        self._masks: list[dict[int, int]] = []  # per attribute: value -> bits of the specs it satisfies
        self._hits: dict[int, tuple[int, ...]] = {}  # token mask -> the patterns it starts (their positions)

    def add(self, patterns: Iterable[Any], attrs: dict, index: int = 0) -> None:
        patterns = list(patterns)
        rule = len(self.attrs)
        super().add(patterns, attrs, index)
        key = self.vocab.strings[str(rule)]
        for pattern in patterns:
            specs = [_token_test(spec) if isinstance(spec, dict) else None for spec in pattern]
            if not specs or any(tests is None for tests in specs):
                self._residual.add(str(rule), [pattern])
                continue
            bits = []
            for tests in specs:
                bits.append(1 << len(self._specs))
                self._specs.append(tests or [])
                for name, _ in tests or []:
                    if name not in self._attr_names:
                        self._attr_names.append(name)
            self._patterns.append((rule, key, tuple(bits)))
        self._masks = [{} for _ in self._attr_names]
        self._hits.clear()

    def _mask_of(self, column: int, value: int) -> int:
        """The bits of the token specs a token whose attribute ``column`` has ``value`` satisfies."""
        name = self._attr_names[column]
        readable = bool(value) if name in FLAG_ATTRS else self.vocab.strings[value] if value else ""
        mask = 0
        for bit, tests in enumerate(self._specs):
            if all(test(readable) for attr, test in tests if attr == name):
                mask |= 1 << bit
        self._masks[column][value] = mask
        return mask

    def _hits_of(self, mask: int) -> tuple[int, ...]:
        """The positions in ``self._patterns`` of the patterns whose first token spec is in ``mask``."""
        hits = tuple(at for at, (_, _, bits) in enumerate(self._patterns) if bits[0] & mask)
        self._hits[mask] = hits
        return hits

    def match(self, doc: Doc) -> list[Match]:
        strings = self.vocab.strings
        found: list[Match] = []
        if len(self._residual):
            found = [
                (int(strings[key]), key, start, end)
                for key, start, end in self._residual(doc, allow_missing=True, as_spans=False)
            ]
        if not self._patterns or not len(doc):
            found.sort()
            return found
        columns: list[list[int]] = []  # one list of values per attribute read (none for wildcards only)
        if self._attr_names:
            array = doc.to_array([IDS[name] for name in self._attr_names]).reshape(len(doc), -1)
            columns = cast(list[list[int]], array.T.tolist())
        token_masks = [-1] * len(doc)  # every spec, then narrowed attribute by attribute
        for column, values in enumerate(columns):
            known, masks = self._masks[column], []
            for value in values:
                mask = known.get(value)
                masks.append(self._mask_of(column, value) if mask is None else mask)
            token_masks = list(map(and_, token_masks, masks))
        hits_for, patterns, n = self._hits, self._patterns, len(token_masks)
        for start, mask in enumerate(token_masks):
            if not mask:
                continue
            hits = hits_for.get(mask)
            for at in self._hits_of(mask) if hits is None else hits:
                rule, key, bits = patterns[at]
                end = start + len(bits)
                # the rest of a longer pattern must follow
                if end - start > 1 and (
                    end > n or not all(bits[j] & token_masks[start + j] for j in range(1, len(bits)))
                ):
                    continue
                found.append((rule, key, start, end))
        found.sort()  # by rule number: later rules win, as in spaCy
        return found

    def set_annotations(self, doc: Doc, matches: list[Match]) -> None:
        for rule, key, start, end in matches:
            index = self.indices[rule]
            at = (start if index >= 0 else end) + index
            if not start <= at < end:  # spaCy's own error for an index outside the match
                super().set_annotations(doc, [(rule, key, start, end)])
            set_token_attrs(doc[at], self.attrs[rule])


@Language.factory(
    "newsgraph_attribute_ruler",
    default_config={"validate": False, "scorer": {"@scorers": "spacy.attribute_ruler_scorer.v1"}},
)
def make_indexed_attribute_ruler(
    nlp: Language, name: str, validate: bool, scorer: Callable | None
) -> IndexedAttributeRuler:
    return IndexedAttributeRuler(nlp.vocab, name, validate=validate, scorer=scorer)


def index_attribute_ruler(nlp: Language) -> None:
    """Swap the pipeline's stock attribute ruler for an :class:`IndexedAttributeRuler` with its patterns."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    stock = nlp.get_pipe("attribute_ruler")
    if type(stock) is not AttributeRuler:
        return
    patterns = stock.patterns
    indexed = nlp.replace_pipe("attribute_ruler", "newsgraph_attribute_ruler", config={"validate": stock.validate})
    indexed.add_patterns(patterns)  # type: ignore[attr-defined]
