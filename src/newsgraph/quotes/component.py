"""spaCy component ``newsgraph_quotes``: fills ``doc._.quotes``.

Cue -> content -> source -> speaker, in that order:

1. :mod:`.marks` finds direct quotations from their marks (robust to
   unbalanced, nested and multi-paragraph quotes);
2. :mod:`.attribute` finds cues and, for each, its content and source;
3. quotations no cue claims are attributed to the previous speaker when their
   paragraph only continues a quote (no cue, previous paragraph quoted
   someone), else kept with no speaker;
4. the speaker span is linked to an actor (names, pronouns, descriptions) and
   the statement's date read from its own sentence.

Confidence is the precision of each rule (``RULE_CONFIDENCE``: cue type x
quote kind), set from the rules' observed precision on PolNeAR train and
checked on dev (``benchmarks/eval_calibration.py``, docs/evaluation.md). A
quotation with no speaker found scores 0.1 and is not reported by default.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ..actors.lookup import mention_at, mention_of_word
from ..dates import timexes_in
from ..nlp import doc_text, sentence_of
from ..record import Actor, Content, Mention, Quote, Span, Speaker
from .attribute import Attribution, attributions_in, inside_sentence
from .cues import cue_lexicon
from .marks import QuoteMarks, find_quotes
from .speakers import SPEAKER_PRONOUNS, pronoun_speaker

RULE_CONFIDENCE = {
    ("direct", "cue:speech"): 0.85,
    ("direct", "cue:belief"): 0.72,
    ("mixed", "cue:speech"): 0.72,
    ("indirect", "cue:speech"): 0.7,
    ("indirect", "according_to"): 0.75,
    ("mixed", "according_to"): 0.75,
    ("indirect", "cue:belief"): 0.4,
    ("mixed", "cue:belief"): 0.6,
    ("direct", "continued"): 0.6,
    ("direct", "colon"): 0.6,
    ("direct", "colon_intro"): 0.6,
    ("direct", "turn"): 0.6,
    ("indirect", "colon"): 0.5,
    ("direct", "unattributed"): 0.1,
    # said in the passive with no one named ("X was accused of …", "it is alleged that …"): a
    # report whose speaker is unknown, not a speaker we failed to find
    ("indirect", "passive"): 0.5,
    ("mixed", "passive"): 0.5,
    ("direct", "passive"): 0.5,
}
_DOUBLE_MARKS = '"“”„«»'
_PARA = re.compile(r"\n\s*")
_MIN_UNATTRIBUTED_WORDS = 5


class QuotesComponent:
    """Direct, indirect and mixed quotes with cue, content, speaker and date."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.lexicon = cue_lexicon()

    def __call__(self, doc: Doc) -> Doc:
        quotes = find_quotes(doc_text(doc))
        atts = _dedupe(attributions_in(doc, quotes, self.lexicon))
        atts.extend(_unclaimed(doc, quotes, atts))
        atts = [part for a in atts for part in _by_paragraph(doc_text(doc), a)]
        atts.sort(key=lambda a: a.start)
        quoted = [p for q in quotes for p in q.parts]
        actors = {x.id: x for x in doc._.actors or []}
        built: list[Quote] = []
        for n, a in enumerate(atts, 1):
            built.append(self._to_quote(doc, a, n, quoted, built, actors))
        doc._.quotes = built
        return doc

    def _to_quote(
        self,
        doc: Doc,
        a: Attribution,
        n: int,
        quoted: list[tuple[int, int]] | None = None,
        earlier: list[Quote] | None = None,
        actors: dict[str, Actor] | None = None,
    ) -> Quote:
        text = doc_text(doc)
        parts = sorted(a.content)
        start, end = parts[0][0], parts[-1][1]
        content = Content(start, end, text[start:end], parts if len(parts) > 1 else None)
        speaker = None
        named = False  # does the speaker phrase name any actor (what the confidence was measured on)
        if a.source is not None:
            s, e = a.source
            found = mention_at(doc, s, e)
            named = found is not None
            phrase = doc.char_span(s, e, alignment_mode="expand")
            if found is not None and phrase is not None and not _names_the_head(doc, found[0], phrase, s, e):
                # the one the head word names ("The Washington Post columnist Ruth Marcus"), else
                # someone unnamed ("a Trump supporter", "his wife")
                found = mention_of_word(doc, phrase.root.idx, s, e)
            who = found[0] if found else None
            if text[s:e].lower() in SPEAKER_PRONOUNS and actors is not None:
                # "he"/"she" speaks: someone named outside the quotations, not one named in them
                who = pronoun_speaker(doc, (s, e), who, quoted or [], earlier or [], actors)
                named = who is not None
            speaker = Speaker(s, e, text[s:e], who.id if who else None)
        cue = Span.of(text, *a.cue) if a.cue else None
        date = None
        sentence_tx = [
            t for t in timexes_in(doc, *a.sentence) if t.value and not any(ps <= t.start < pe for ps, pe in parts)
        ]
        if sentence_tx and a.cue is not None:
            date = min(sentence_tx, key=lambda t: abs(t.start - a.cue[0])).value  # type: ignore[index]
        conf = RULE_CONFIDENCE.get((a.kind, a.rule), 0.5)
        if speaker is not None and not named:
            conf *= 0.85
        if a.source is None and a.rule != "passive":
            conf = min(conf, 0.1)
        return Quote(f"q{n}", a.kind, content, speaker, cue, date, conf)


def _names_the_head(doc: Doc, actor: Actor, span: SpacySpan, start: int, end: int) -> bool:
    """Is the speaker span ``actor`` itself, not someone or something only named in a modifier
    before its head word ("a Trump supporter", "a Clinton campaign official", "the Paris terror
    attacks", "his wife")? A name after the head is the speaker ("the host Steve Doocy"), so is
    one set off before an apposition ("Mrs. Clinton, the presumptive nominee"); a body, a voice
    or a publication of the one named speaks for them ("Clinton's office", "a Quinnipiac
    University poll", "Trump's tweet", "Time magazine")."""
    head = span.root
    inside = [m for m in actor.mentions if start <= m.start < end]
    text = doc_text(doc)

    def named_after_head(m: Mention) -> bool:
        # right after it, not in a phrase of its own ("a Trump supporter on Twitter"), unless the
        # head is a share of them ("a large majority of voters", "63 percent of Americans")
        between = [t for t in span if head.i < t.i and t.idx < m.start]
        share = head.lemma_.lower() in _SHARES or head.like_num
        if share and _owner_only(doc, m):
            return False  # "some of Trump's defenders": the defenders, not Trump
        return m.start > head.idx and (share or not any(t.pos_ == "ADP" for t in between))

    if any(c.dep_ == "conj" for c in head.children) and not any(m.start <= head.idx < m.end for m in inside):
        return False  # "Volker and Morrison said": the first named speaks for both
    return (
        not inside
        or head.lemma_.lower() in _SPEAKS_FOR
        or any(m.start <= head.idx < m.end or named_after_head(m) for m in inside)
        or any(text[m.end : m.end + 1] == "," for m in inside)
    )


def _owner_only(doc: Doc, m: Mention) -> bool:
    """Is the mention only the owner of what follows it ("Trump's defenders")?"""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    while tok.dep_ == "compound" and tok.head.i != tok.i:  # "Senator" in "Senator Paul Grant's"
        tok = tok.head
    return tok.dep_ == "poss"


# a part of those named after it speaks as them: "many of his supporters", "63 percent of Americans"
# fmt: off
_SHARES = frozenset({
    "majority", "minority", "percent", "%", "many", "most", "some", "all", "half", "third", "quarter", "share",
    "number", "plurality", "handful", "dozen", "hundred", "thousand", "million", "few", "several", "both",
})
# fmt: on

# what speaks for the one named before it: bodies and voices, and what they publish
# fmt: off
_SPEAKS_FOR = frozenset({
    "office", "campaign", "camp", "team", "administration", "government", "spokesman", "spokeswoman",
    "spokesperson", "embassy", "ministry", "headquarters", "group", "movement", "party", "forum", "agency",
    "newspaper", "paper", "magazine", "network", "channel", "website", "organization", "organisation",
    "poll", "survey", "editorial", "release", "statement", "tweet", "post", "report", "study", "analysis",
    "investigation", "article", "email", "e-mail", "letter", "memo", "brief", "ad", "advertisement", "column",
    "op-ed", "rhetoric", "remark", "comment", "response", "endorsement", "speech", "interview", "conference",
    "transcript", "filing", "lawsuit", "complaint", "account", "average", "data", "datum", "figure", "book",
    "memoir", "video", "message", "tally", "statistic",
})
# fmt: on


def _by_paragraph(text: str, a: Attribution) -> list[Attribution]:
    """One quote per paragraph: a statement spread over paragraphs (an opening mark at each one,
    the closing mark at the end) is the attributed quote in its first paragraph and the same
    speaker's quote in each following one, as readers and annotators count them."""
    groups: list[list[tuple[int, int]]] = []
    for s, e in sorted(a.content):
        if groups and "\n" not in text[groups[-1][-1][1] : s]:
            groups[-1].append((s, e))
        else:
            groups.append([(s, e)])
    if len(groups) == 1:
        return [a]
    first = Attribution(groups[0], a.cue, a.source, a.source_token, a.kind, a.rule, a.sentence, a.quotes)
    rest = [
        Attribution(g, None, a.source, a.source_token, "direct", "continued", (g[0][0], g[-1][1]), a.quotes)
        for g in groups[1:]
    ]
    return [first, *rest]


def _dedupe(atts: list[Attribution]) -> list[Attribution]:
    """One attribution per content: a direct quote claimed by two cues keeps the closer one."""
    out: list[Attribution] = []
    for a in sorted(atts, key=lambda a: (a.start, -(a.content[-1][1] - a.content[0][0]))):
        clash = next(
            (
                b
                for b in out
                if _overlap(a, b) > 0.8 and (a.cue is None or b.cue is None or a.cue == b.cue or _same_content(a, b))
            ),
            None,
        )
        if clash is None:
            out.append(a)
        elif clash.source is None and a.source is not None:
            out[out.index(clash)] = a
    return out


def _same_content(a: Attribution, b: Attribution) -> bool:
    return abs(a.content[0][0] - b.content[0][0]) <= 6 and abs(a.content[-1][1] - b.content[-1][1]) <= 6


def _overlap(a: Attribution, b: Attribution) -> float:
    """Shared characters of two contents over the smaller one's length."""
    if a.content[-1][1] <= b.content[0][0] or b.content[-1][1] <= a.content[0][0]:
        return 0.0
    la = sum(e - s for s, e in a.content)
    lb = sum(e - s for s, e in b.content)
    if not la or not lb:
        return 0.0
    shared = sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a.content for s2, e2 in b.content)
    return shared / min(la, lb)


class _Paragraphs:
    """The paragraphs of a text, found once; ``of(pos)`` is the one holding ``pos``."""

    def __init__(self, text: str) -> None:
        breaks = list(_PARA.finditer(text))
        self.starts = [0, *(m.end() for m in breaks)]
        self.ends = [*(m.start() for m in breaks), len(text)]

    def of(self, pos: int) -> tuple[int, int]:
        k = bisect_right(self.starts, pos) - 1  # the last paragraph starting at or before pos
        return self.starts[k], self.ends[k]


def _goes_on(gap: str) -> bool:
    """Can a quotation after ``gap`` go on with the attributed quote before it? Yes when the gap
    is blank, or the short rest of the attribution's sentence the parser cut off ('… said Dan
    Kildee, a Michigan Democrat who flew to Germany with the family of X, another freed
    American. "…"'): one line, no double quotation marks."""
    return not gap.strip() or (
        len(gap) <= 150 and "\n" not in gap and "''" not in gap and not any(c in gap for c in _DOUBLE_MARKS)
    )


def _unclaimed(doc: Doc, quotes: list[QuoteMarks], atts: list[Attribution]) -> list[Attribution]:
    """Quotations no cue claimed: continue the previous speaker, or stand without one."""
    text = doc_text(doc)
    claimed = {id(q) for a in atts for q in a.quotes}
    claimed_ranges = [(s, e) for a in atts for s, e in a.content]
    out: list[Attribution] = []
    ordered = sorted(atts, key=lambda a: a.start)
    ends: dict[int, int] = {}  # where an attribution now ends, once it took in a following quote
    paragraphs = _Paragraphs(text)
    for q in quotes:
        if id(q) in claimed or any(s <= q.start and q.end <= e + 1 for s, e in claimed_ranges):
            continue
        words = len(text[q.start : q.end].split())
        para = paragraphs.of(q.start)
        sent = doc.char_span(q.start, q.end, alignment_mode="expand")
        s_range = (sentence_of(sent).start_char, sentence_of(sent).end_char) if sent is not None else (q.start, q.end)
        prev = [a for a in ordered if a.start < q.start and a.source is not None]
        last_here = next((a for a in reversed(prev) if paragraphs.of(a.start) == para), None)
        if last_here is not None and last_here.kind == "indirect":
            # '"…," said X, a professor who likened it to a car crash. "…"': the indirect one sits
            # inside the direct attribution's sentence; the quote goes on with the direct one
            last_here = next(
                (
                    a
                    for a in reversed(prev)
                    if a.kind in ("direct", "mixed") and a.sentence == last_here.sentence and a is not last_here
                ),
                last_here,
            )
        if (
            last_here is not None
            and words >= 3
            and _goes_on(text[ends.get(id(last_here), last_here.sentence[1]) : q.start])
            and (last_here.kind != "indirect" or q.ends_sentence or not inside_sentence(text, q.start))
        ):
            # '"It's doable," he told reporters. "Is it going to happen? ..."': the quoted sentence
            # right after an attributed quote goes on with it (one attribution, one more span);
            # so does one after reported speech ('she said they had made progress. "I really
            # believe ..."'), when it is a sentence of its own and not a title in the next one.
            last_here.content.extend(q.parts)
            last_here.quotes.append(q)
            if last_here.kind == "indirect":
                last_here.kind = "mixed"  # reported words and a quotation
            ends[id(last_here)] = max(q.end, s_range[1])
            continue
        whole_para = not text[para[0] : q.start].strip() and len(text[q.end : para[1]].strip()) <= 2
        if prev and whole_para and words >= 3:
            last = prev[-1]
            # The previous speaker carries over to a cue-less quote paragraph when the last
            # attribution quoted them directly, at most one paragraph earlier.
            prev_para = paragraphs.of(last.start)
            between = [p for p in _PARA.split(text[prev_para[1] : para[0]]) if p.strip()]
            if last.kind in ("direct", "mixed") and len(between) <= 1:
                # a paragraph of quotation after a quoted speaker's: theirs, a quote of its own
                # (how news spreads a long statement over paragraphs)
                cont = Attribution(
                    list(q.parts), None, last.source, last.source_token, "direct", "continued", s_range, [q]
                )
                out.append(cont)
                ordered.append(cont)
                continue
        if words >= _MIN_UNATTRIBUTED_WORDS:
            out.append(Attribution(list(q.parts), None, None, None, "direct", "unattributed", s_range, [q]))
    return out


@Language.factory("newsgraph_quotes", assigns=["doc._.quotes"])
def make_quotes_component(nlp: Language, name: str) -> QuotesComponent:
    return QuotesComponent(nlp, name)
