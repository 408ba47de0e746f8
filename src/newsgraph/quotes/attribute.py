"""From cues to attributions: content, source and kind, per sentence.

The split the field uses, one function each: :func:`content_of` (what was
said: a complement clause, a quotation next to the cue, or the rest of an
"according to" sentence), :func:`source_of` (who said it: the cue's subject,
inherited along conjoined and participial verbs), then the quote kind
(direct when the content is a quotation, mixed when it holds one).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Container
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..nlp import by_sentence, children_of, doc_text, sentence_of, tokens_with
from .cues import CueLexicon, cue_kind, cue_span, prepositional_object
from .marks import QuoteMarks

_PUNCT_EDGE = " \t\n,;:—–-"
_SUBJ = ("nsubj", "nsubjpass", "csubj")
# Verbs whose direct object is not what was said ("told reporters", "asked him", "said it").
_NO_OBJECT_CONTENT = {
    "say",
    "tell",
    "ask",
    "add",
    "continue",
    "begin",
    "read",
    "post",
    "write",
    "inform",
    "notify",
    "remind",
    "answer",
    "reply",
    "respond",
    "thank",
    "quote",
    "order",
}


@dataclass(slots=True)
class Attribution:
    """One found attribution before it becomes a record :class:`~newsgraph.record.Quote`."""

    content: list[tuple[int, int]]
    cue: tuple[int, int] | None
    source: tuple[int, int] | None
    source_token: Token | None
    kind: str
    rule: str
    sentence: tuple[int, int]
    quotes: list[QuoteMarks] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.content[0][0]


def trim_edges(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in _PUNCT_EDGE:
        s += 1
    while e > s and text[e - 1] in _PUNCT_EDGE:
        e -= 1
    return s, e


def source_of(tok: Token, quoted: Container[int] = ()) -> Token | None:
    """The subject of cue ``tok``: its own, or its governing verb's for "..., adding that".
    Words at character offsets in ``quoted`` are never the source: in '"Meh," wrote a
    supporter' the parser may take the quoted word for the subject."""
    t = tok
    for _ in range(3):
        for c in children_of(t):
            if c.dep_ in _SUBJ and c.idx not in quoted:
                if c.dep_ == "nsubjpass" and tok.tag_ == "VBN":
                    # "X was accused of … by Y", "X is said to have …": X is who it is said of;
                    # the speaker is the agent, or no one named
                    return _agent_of(tok) or (_agent_of(t) if t is not tok else None)
                return c
        if t.head.i != t.i and (
            t.dep_ == "xcomp"
            or (
                t.dep_ == "advcl" and t.head.lemma_ in _OBJECT_CONTROL and any(c.lower_ == "to" for c in children_of(t))
            )
        ):
            # "led the French manufacturer to announce": the object of the verb above speaks
            told = [c for c in children_of(t.head) if c.dep_ == "dobj" and c.i < t.i and c.idx not in quoted]
            if told and told[0].pos_ in ("PROPN", "NOUN", "PRON"):
                return told[0]
        if (
            t.dep_ in ("conj", "advcl", "xcomp", "acomp") or (t.dep_ == "advmod" and t.pos_ == "ADV")
        ) and t.head.i != t.i:
            # "went so far as to say": through the adverb to the verb
            t = t.head
            continue
        if t.dep_ == "pcomp" and t.head.dep_ == "prep" and t.head.head.i != t.head.i:
            t = t.head.head  # "She followed that by saying": the one who followed
            continue
        if t.dep_ == "acl" and t.tag_ == "VBG" and t.head.dep_ in ("dobj", "pobj") and t.head.head.i != t.head.i:
            # "issued a statement saying ...": who issued it
            t = t.head.head
            if t.dep_ == "prep":
                t = t.head
            continue
        break
    # "said by X" (passive) and "X's statement" are rare; leave them unresolved.
    return None


def _infinitive(verb: Token) -> bool:
    return any(c.lower_ == "to" and c.dep_ == "aux" for c in children_of(verb))


# verbs of withholding: what their infinitive would have said was not said
_WITHHELD = frozenset({"decline", "refuse"})
# verbs whose object does what their infinitive says ("led the firm to announce", "forced him to
# admit"), which the parser sometimes reads as a purpose clause
_OBJECT_CONTROL = frozenset(
    {"lead", "force", "prompt", "cause", "push", "drive", "pressure", "persuade", "compel", "get", "allow"}
)


def _is_passive(verb: Token) -> bool:
    """A cue in the passive: "X was accused of …", "it is alleged that …", "were said to be"."""
    return verb.tag_ == "VBN" and any(c.dep_ in ("nsubjpass", "auxpass") for c in children_of(verb))


def _agent_of(verb: Token) -> Token | None:
    """The agent of a passive verb: the object of its "by" ("was accused by the ministry")."""
    for c in children_of(verb):
        if c.dep_ == "agent":
            return next((o for o in children_of(c) if o.dep_ == "pobj"), None)
    return None


_NP_POS = ("DET", "ADJ", "PROPN", "NOUN")


def _inverted_subject(cue: Token, quote_end: int) -> Token | None:
    """The speaker named around a cue that follows its quotation, for when the parser hung it
    elsewhere: the noun phrase after the cue ('"…," said Robert Reich, who …'; 'said Skelly'
    with the name taken for an adverb) or between the quotation and the cue ('"…," the
    editorial read')."""
    doc = cue.doc

    def nominal(t: Token) -> bool:
        return not t.is_punct and (
            t.pos_ in _NP_POS or t.dep_ in ("amod", "compound") or (t.is_title and t.pos_ != "PRON")
        )

    # between the quotation and the cue: a noun phrase, maybe with an age ('Ramos, 58, told')
    between = [t for t in doc[sentence_of(cue).start : cue.i] if t.idx >= quote_end and not t.is_punct]
    comma = next((t for t in doc[sentence_of(cue).start : cue.i] if t.idx > quote_end and t.text == ","), None)
    if between and comma is not None and comma.i < cue.i - 1 and doc[cue.i - 1].text == ",":
        # '"…," Gene Sperling, a top outside Clinton adviser, said': the name before the apposition
        between = [t for t in between if t.i < comma.i]
    if between:
        if all(nominal(t) or t.like_num for t in between):
            heads = [t for t in between if t.pos_ in ("PROPN", "NOUN")] or [t for t in between if t.pos_ != "DET"]
            return heads[-1] if heads and not heads[-1].like_num else None
        return None
    # after the cue, unless that is whom it was told to ('"…," Ramos told AFP'); right after the
    # quotation a finite cue has no other subject, so its "object" is the speaker ('"…?" asked the boy')
    told_to = ("dative",) if cue.tag_ in ("VBD", "VBZ", "VBP") else ("dobj", "dative")
    j = cue.i + 1
    while j < sentence_of(cue).end and nominal(doc[j]) and doc[j].dep_ not in told_to:
        j += 1
    if j > cue.i + 1 and (doc[j - 1].pos_ in ("PROPN", "NOUN") or doc[j - 1].is_title):
        return doc[j - 1]
    return None


# a quotation closing before the name ('"…," Gene Sperling'), not one inside it ('the "Avatar" star');
# single marks may be apostrophes ("Sanders’ email")
_DOUBLE_MARKS = {'"', "”", "''", "»"}


def source_span(tok: Token, content_start: int | None = None) -> tuple[int, int]:
    """The source noun phrase: the subject's subtree without relative clauses (or a closing
    quote mark the parser hung on it), and without what was said when the parser hung that on
    it ("accused by rights groups | of ordering the killings": ``content_start``)."""
    left = tok.left_edge.i
    marks = [k for k in range(left + 1, tok.i) if tok.doc[k].text in _DOUBLE_MARKS and tok.doc[k - 1].text in ",.?!"]
    if marks:  # the parser hung the quoted words on the name
        left = marks[-1] + 1
    while left < tok.i and (tok.doc[left].is_punct or tok.doc[left].is_quote):
        left += 1
    right = tok.i
    for c in tok.rights:
        if c.dep_ in ("relcl", "acl", "punct"):
            break
        if content_start is not None and c.idx < content_start <= c.right_edge.idx:
            break
        right = c.right_edge.i
    doc = tok.doc
    s, e = doc[left].idx, doc[right].idx + len(doc[right])
    return trim_edges(doc_text(doc), s, e)


def _clause_span(tok: Token) -> tuple[int, int]:
    doc = tok.doc
    return doc[tok.left_edge.i].idx, doc[tok.right_edge.i].idx + len(doc[tok.right_edge.i])


_SPEECH_CONJ = {"say", "tell", "add", "argue", "claim", "insist", "warn", "write", "note", "suggest", "call"}
_NOT_CONTENT = {"punct", "advcl", "npadvmod", "cc", "conj", "mark", "advmod"}
_CONTENT_PREPS = {"of", "for", "as", "to", "about", "over", "with", "against", "on"}
_NAMING = {"call", "brand", "label", "dub", "name", "term"}

# Bound on the cost of one sentence: no sentence a person wrote is this long (news sentences run
# to 60 tokens, the longest PolNeAR ones to about 200), while a run-on "sentence" of a page with no
# full stops (a transcript, a scraped list) has thousands of tokens, and reading every cue's clause
# in it costs time growing with the cube of its length (40,000 characters: 12 s). Cues in such a
# sentence are not read; quotation marks still are.
LONGEST_SENTENCE = 400


def _writers_addition(head: Token, end: int) -> int:
    """Where the reported clause headed by ``head`` ends when the writer goes on after it: a deed
    coordinated with an infinitive ("promised to protect Medicaid | and hammered Bevin on …"), a
    participle clause or a "with" phrase set off by a comma at its end ("the couple had been
    transported on November 3 | , raising questions about …", "| , with the first votes …")."""
    doc = head.doc
    cut = end
    for x in children_of(head):
        if x.i <= head.i:
            continue
        if (
            x.dep_ == "conj"
            and head.tag_ == "VB"
            and x.tag_ in ("VBD", "VBZ")
            and any(c.lower_ == "to" for c in children_of(head))
        ):
            before = [c for c in children_of(head) if c.dep_ == "cc" and c.i < x.i]
            cut = min(cut, doc[before[-1].i if before else x.left_edge.i].idx)
        elif (
            ((x.tag_ == "VBG" and x.dep_ in ("advcl", "xcomp")) or (x.dep_ == "prep" and x.lower_ == "with"))
            and x.left_edge.i > 0
            and doc[x.left_edge.i - 1].text == ","
            and x.right_edge.idx < end <= x.right_edge.idx + len(x.right_edge) + 1
        ):
            cut = min(cut, doc[x.left_edge.i - 1].idx)
    return cut


def _asked_of_someone(cue: Token) -> bool:
    """ "Asked about Cruz's charges, Rubio said …", "when asked whether …": the question's asker
    is not named (the one asked is the subject of another verb), so the source stays empty."""
    return (
        cue.lemma_ == "ask"
        and cue.tag_ == "VBN"
        and cue.dep_ in ("advcl", "acl", "ccomp", "xcomp")
        and not any(c.dep_ in _SUBJ or c.dep_ == "agent" for c in children_of(cue))
    )


def _names(cue: Token) -> bool:
    """Does the cue name something ("called her "weak"", "branded him a "liar"")?"""
    return cue.lemma_ in _NAMING and any(c.dep_ == "oprd" for c in children_of(cue))


def _participle_after_comma(c: Token, cue: Token) -> bool:
    """'Sanders asked rhetorically, shaking his head': a participle set off by a comma is
    what the speaker did, not what was said."""
    return c.tag_ == "VBG" and any(t.text == "," for t in cue.doc[cue.i + 1 : c.i])


def content_of(cue: Token, lex: CueLexicon | None = None) -> tuple[int, int] | None:
    """What the cue introduces: its complement clause, or the clause it reports on."""
    doc = cue.doc
    if cue.lemma_ in _NAMING:
        # "he called her "weak"": whom and what, even when the parser hung a clause on the left
        named = [c for c in children_of(cue) if c.dep_ == "dobj" and c.i > cue.i]
        oprd = [c for c in children_of(cue) if c.dep_ == "oprd" and named and c.i > named[0].i]
        if named and oprd:
            return trim_edges(
                doc_text(doc),
                doc[named[0].left_edge.i].idx,
                doc[oprd[-1].right_edge.i].idx + len(doc[oprd[-1].right_edge.i]),
            )
    for c in children_of(cue):
        if (
            c.dep_ == "ccomp"
            or (c.dep_ == "xcomp" and c.i > cue.i and not _participle_after_comma(c, cue))
            or (c.dep_ == "advcl" and c.i > cue.i and any(m.lower_ in ("if", "whether") for m in children_of(c)))
        ):
            s, e = _clause_span(c)
            if c.dep_ == "ccomp" and c.i > cue.i:
                # the parser split one reported clause in two ("says his campaign is doing as well
                # at | it is because …"): a second complement right after the first goes with it
                more = [
                    x
                    for x in children_of(cue)
                    if x.dep_ == "ccomp" and x.i > c.i and x.left_edge.i == c.right_edge.i + 1
                ]
                if more:
                    e = _clause_span(more[0])[1]
            # "told reporters that he agrees X and said Y": the second statement is its own
            said = [t for t in c.subtree if t.dep_ == "conj" and t.lemma_ in _SPEECH_CONJ and t.i > c.i]
            if said:
                ccs = [x.i for x in children_of(said[0].head) if x.dep_ == "cc" and x.i < said[0].i]
                cut = min([said[0].left_edge.i, *ccs])
                if doc[cut].idx > s:
                    e = min(e, doc[cut].idx)
            e = min(e, _writers_addition(c, e))
            # keep the complementizer "that" in (PolNeAR does)
            return trim_edges(doc_text(doc), s, e)
    obj = prepositional_object(cue, lex) if lex is not None else None
    if obj is not None:  # "accused Clinton of lying": what she is accused of
        return trim_edges(doc_text(doc), *_clause_span(obj))
    # "X, he said." — the cue hangs off the reported clause (parataxis), or is the root
    # with the reported clause on its left.
    if cue.dep_ == "parataxis":
        head = cue.head
        sent = sentence_of(cue)
        s = doc[head.left_edge.i].idx if head.left_edge.i >= sent.start else sent.start_char
        e = doc[cue.left_edge.i].idx
        if e > s:
            return trim_edges(doc_text(doc), s, e)
    # "told reporters/the AP that ..." handled by ccomp; "called X a liar": the object and its complement
    dobj = [c for c in children_of(cue) if c.dep_ in ("dobj", "oprd") and c.i > cue.i]
    if (
        dobj
        and cue.lemma_ not in _NO_OBJECT_CONTENT
        and dobj[0].pos_ != "PRON"
        and dobj[0].ent_type_ not in ("PERSON",)
        or (dobj and cue.lemma_ in ("call", "describe", "brand", "label", "dub", "accuse", "blame"))
    ):
        # the object and what completes it ("accused X of Y", "called X a liar"), not the
        # cue's adverbials ("defended his father on Tuesday, saying ...")
        rights = [c for c in children_of(cue) if c.i > cue.i and c.dep_ not in _NOT_CONTENT]
        rights = [c for c in rights if c.dep_ != "prep" or c.lower_ in _CONTENT_PREPS]
        last = max((c.right_edge.i for c in rights), default=dobj[0].right_edge.i)
        # "called Clinton an ISIS co-founder": whom and what she is called (PolNeAR keeps both)
        s = doc[dobj[0].left_edge.i].idx
        e = doc[last].idx + len(doc[last])
        return trim_edges(doc_text(doc), s, e)
    return None


def reports_a_clause(cue: Token, content: tuple[int, int]) -> bool:
    """Is what the cue introduces a clause ("found that …", "X, he maintained") rather than its
    object or an infinitive ("found no evidence", "continued to fight")?"""
    if cue.dep_ == "parataxis":
        return True
    s, e = content
    return any(c.dep_ in ("ccomp", "advcl", "parataxis") and s <= c.idx < e for c in children_of(cue))


def parenthetical_rest(cue: Token) -> tuple[int, int] | None:
    """The reported clause's part after a cue set inside it: in "Joe Biden, he said, had been in
    the Senate for years" the content is "Joe Biden" and "had been in the Senate for years"."""
    if cue.dep_ != "parataxis":
        return None
    doc = cue.doc
    head = cue.head
    end = min(head.right_edge.i, sentence_of(cue).end - 1)
    if end <= cue.right_edge.i + 1 or head.left_edge.i >= cue.left_edge.i:
        return None
    s, e = trim_edges(
        doc_text(doc), doc[cue.right_edge.i].idx + len(doc[cue.right_edge.i]), doc[end].idx + len(doc[end])
    )
    return (s, e) if e - s >= 8 else None


def according_to(sent: Span) -> list[tuple[Token, Token, tuple[int, int]]]:
    """(cue "according", source head, content range) for every "according to X" in ``sent``."""
    out = []
    doc = sent.doc
    for t in sent:
        if t.lower_ != "according" or t.i + 1 >= sent.end or doc[t.i + 1].lower_ != "to":
            continue
        to = doc[t.i + 1]
        objs = [c for c in children_of(to) if c.dep_ == "pobj"]
        if not objs:
            continue
        src = objs[0]
        phrase_start, phrase_end = t.idx, doc[src.right_edge.i].idx + len(doc[src.right_edge.i])
        before = trim_edges(doc_text(doc), sent.start_char, phrase_start)
        after = trim_edges(doc_text(doc), phrase_end, sent.end_char)
        content = before if (before[1] - before[0]) >= (after[1] - after[0]) else after
        if content[1] > content[0]:
            out.append((t, src, content))
    return out


def attributions_in(doc: Doc, quotes: list[QuoteMarks], lex: CueLexicon) -> list[Attribution]:
    """Every attribution with a cue in ``doc``, quotes attached where they are the content."""
    out: list[Attribution] = []
    quote_at: dict[int, QuoteMarks] = {}
    for q in quotes:
        for s, e in q.parts:
            for i in range(s, e):
                quote_at[i] = q
    for sent, in_sent in by_sentence(doc, tokens_with(doc, lex.first_words)):
        if len(sent) > LONGEST_SENTENCE:
            continue
        s_range = (sent.start_char, sent.end_char)
        for tok in in_sent:
            kind = cue_kind(tok, lex)
            if kind is None or tok.idx in quote_at:
                continue
            if (
                kind == "belief"
                and not any(c.dep_ == "ccomp" for c in children_of(tok))
                and prepositional_object(tok, lex) is None
            ):
                continue  # "want", "see" without a clause are not attributions
            if tok.lemma_ in (
                "add",
                "continue",
                "begin",
                "read",
                "find",
                "show",
                "point",
                "call",
                "rule",
                "order",
                "decide",
                "post",
                "report",
            ) and tok.dep_ not in ("ROOT", "parataxis", "conj", "advcl", "ccomp"):
                continue
            if tok.dep_ == "xcomp" and tok.head.lemma_ in _WITHHELD:
                continue  # "declined to say when …": nothing was said (the refusal is its own cue)
            if tok.lemma_ == "say" and _infinitive(tok) and tok.head.lemma_ == "be":
                continue  # "which is not to say that …", "that is to say": the writer's idiom
            asked = _asked_of_someone(tok)
            subj = None if asked else source_of(tok, quote_at)
            content = content_of(tok, lex)
            near = _adjacent_quotes(tok, sent, quotes)
            if subj is None and near and near[0].end <= tok.idx:
                subj = _inverted_subject(tok, near[0].end)  # '"…," said Robert Reich, who … endorsed …'
            fragment = _fragment_phrase(tok, near[0]) if near else None
            if fragment is not None:  # 'attacked Romney for being a "failed candidate."'
                parts, kind_q, near = [fragment], "mixed", near[:1]
            elif (
                near
                # "called her "weak"": whom and what is one mixed quote
                and not (_names(tok) and content is not None and content[0] < near[0].start)
                and (
                    content is None
                    or _covered_by(content, near)
                    # the parser ran the quotation on into the speaker before the cue
                    or (near[0].start <= content[0] and content[1] <= tok.idx)
                )
            ):
                parts = [p for q in near for p in q.parts]
                kind_q = "direct"
            elif content is not None:
                if tok.lemma_ in lex.acts and not reports_a_clause(tok, content):
                    continue  # "continued to pour fuel on the fire", "found no evidence": a deed
                content = _through_quote(doc_text(doc), content, quotes)
                content = _to_comma_quote(doc_text(doc), content, quotes)
                content = _to_closing_mark(doc_text(doc), content, quotes)
                rest = parenthetical_rest(tok)
                parts = [content, rest] if rest else [content]
                inside = [q for s, e in parts for q in quotes_within(quotes, s, e)]
                kind_q = "mixed" if inside else "indirect"
                near = inside
            else:
                continue
            passive = subj is None and _is_passive(tok)
            if subj is None and tok.dep_ != "parataxis" and not near and not asked and not passive:
                continue  # a cue without a source is an attribution only with a quote, or in the passive
            src = source_span(subj, min(p[0] for p in parts)) if subj is not None else None
            if src and _is_dateline(doc_text(doc), src):
                continue  # 'MYRTLE BEACH, S.C. — Ted Cruz, questioning …': the parser's subject is the dateline
            if src and parts and any(ps <= src[0] < pe for ps, pe in parts):
                continue  # the "source" is inside the content: a parse error
            rule = "passive" if passive and kind == "speech" else f"cue:{kind}"
            out.append(Attribution(parts, cue_span(tok), src, subj, kind_q, rule, s_range, near))
        for cue_tok, src_tok, content in according_to(sent) if any(t.lower_ == "according" for t in in_sent) else ():
            inside = quotes_within(quotes, *content)
            to = doc[cue_tok.i + 1]
            out.append(
                Attribution(
                    [content],
                    (cue_tok.idx, to.idx + len(to)),
                    source_span(src_tok),
                    src_tok,
                    "mixed" if inside else "indirect",
                    "according_to",
                    s_range,
                    inside,
                )
            )
    # attributions without a cue word: colons and speaker labels (a module of their own, which
    # builds on this one)
    from .colons import colon_headlines, colon_introductions, transcript_turns

    out.extend(colon_headlines(doc, quotes))
    out.extend(transcript_turns(doc, quotes))
    out.extend(colon_introductions(doc, quotes, out, quote_at))
    return out


_FRAGMENT_BEFORE = {"DET", "ADP", "AUX"}


def _fragment_phrase(cue: Token, q: QuoteMarks) -> tuple[int, int] | None:
    """The cue's object phrase when quotation ``q`` is a fragment inside it rather than what was
    said: a quote opened right after an article or a preposition ('accused him of an "artful
    smear"', 'wrote about the "creative" use of forgeries'). None otherwise."""
    doc = cue.doc
    if q.start <= cue.idx or cue.lemma_ in _NAMING:
        return None
    before = doc.char_span(cue.idx, q.start, alignment_mode="contract")
    if before is None or len(before) < 2:
        return None
    last = before[-1]
    if last.pos_ not in _FRAGMENT_BEFORE and last.lemma_ != "be":
        return None
    inside = [t for t in doc[last.i + 1 : sentence_of(cue).end] if t.idx >= q.start + q.width and not t.is_punct]
    if not inside or inside[0].idx >= q.end:
        return None
    top = inside[0]
    while top.head.i != cue.i and top.head.i > cue.i and top.head.i != top.i:
        top = top.head
    if top.head.i != cue.i:
        return None
    end_tok = doc[min(top.right_edge.i, sentence_of(cue).end - 1)]
    s = doc[cue.i + 1].idx
    e = max(q.end, end_tok.idx + len(end_tok))
    return trim_edges(doc_text(doc), s, e)


def _to_comma_quote(text: str, content: tuple[int, int], quotes: list[QuoteMarks]) -> tuple[int, int]:
    """Reported words end with a quotation closed on a comma when a participle or "but" follows:
    'said the goal is "to disqualify Trump," but conceded …', '"working together," suggesting …'."""
    s, e = content
    for q in quotes_within(quotes, s + 1, e):
        if q.ends_comma and q.end < e:
            m = _NEXT_WORD.match(text, q.end)
            if m and (m.group(1).endswith("ing") or m.group(1) in ("but", "while")):
                return s, q.end
    return content


_NEXT_WORD = re.compile(r"\s*(\w+)")


def _to_closing_mark(text: str, content: tuple[int, int], quotes: list[QuoteMarks]) -> tuple[int, int]:
    """Reported words take in a quotation that opens inside them and runs past their end: its
    closing punctuation and mark ('said his own pen "has got an eraser."': the clause ends before
    '."'), or the rest of a quotation that goes on over several sentences ('noting that he and
    his wife "have regularly talked with him. I do more of it by email …"')."""
    s, e = content
    for q in quotes[bisect_left(quotes, s, key=_start) :]:
        if q.start >= e:
            break
        if e < q.end and (q.end <= e + 3 and all(not ch.isalnum() for ch in text[e : q.end]) or s < q.start):
            return s, q.end
    return content


def _through_quote(text: str, content: tuple[int, int], quotes: list[QuoteMarks]) -> tuple[int, int]:
    """A clause the parser cut at an opening mark goes on through the quotation: 'proclaimed
    that Christians fleeing Syria "cannot come into this country"' (the mark read as a new sentence)."""
    s, e = content
    for q in quotes[bisect_left(quotes, e, key=_start) :]:
        if e <= q.start <= e + 2 and _only(text[e : q.start], "") and q.closed and text[e - 1].isalnum():
            return s, q.end
        if q.start > e + 2:
            break
    return content


def _covered_by(content: tuple[int, int], quotes: list[QuoteMarks]) -> bool:
    """Is the cue's own clause mostly made of these quotations (not a clause of its own next to them)?"""
    cs, ce = content
    inside = sum(max(0, min(e, ce) - max(s, cs)) for q in quotes for s, e in q.parts)
    if inside >= 0.6 * (ce - cs):
        return True
    # '"Blah, blah," he said that day': the parse may give the cue a clause of its own words;
    # a quotation that ends its sentence ('... like that.'' He said that ...') is not the cue's
    q_chars = sum(e - s for q in quotes for s, e in q.parts)
    return q_chars >= 0.6 * (ce - cs) and not any(q.ends_sentence for q in quotes if q.end <= cs)


# after the place: an optional ", S.C." or ", Aug. 24", an optional agency "(UPI)", then the dash
_DATELINE_AFTER = re.compile(
    r"(?:,[ \xa0][A-Z][A-Za-z.]{1,14}(?:[ \xa0]\d{1,2},?)?)?[ \xa0]*(?:\([A-Z]+\)[ \xa0]*)?[—–-]"
)


def _is_dateline(text: str, span: tuple[int, int]) -> bool:
    """Is ``span`` a dateline: a place in capitals opening a paragraph, before a dash?"""
    s, e = span
    words = text[s:e]
    at_start = s == 0 or text[max(0, s - 1)] == "\n"
    return at_start and words.isupper() and len(words) > 2 and bool(_DATELINE_AFTER.match(text, e))


def _only(gap: str, marks: str) -> bool:
    """Is ``gap`` made only of spaces (no-break ones too: scraped text has them) and ``marks``?
    A line break counts only when it is one of ``marks``."""
    return all((ch.isspace() and ch != "\n") or ch in marks for ch in gap)


def _only_adverbs(doc: Doc, start: int, end: int) -> bool:
    """Is ``[start, end)`` a parenthetical adverb between commas (', however,', ', again,')?"""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    words = [t for t in span if not t.is_punct and not t.is_space]
    return 0 < len(words) <= 2 and all(t.pos_ == "ADV" and t.idx >= start and t.idx < end for t in words)


def in_quotation(quotes: list[QuoteMarks], pos: int) -> bool:
    """Is ``pos`` inside a quotation's marks? (Quotations are in order and do not overlap.)"""
    k = bisect_left(quotes, pos, key=_start) - 1
    return k >= 0 and any(s < pos < e for s, e in quotes[k].parts)


def _end(q: QuoteMarks) -> int:
    return q.end


def _start(q: QuoteMarks) -> int:
    return q.start


def quotes_within(quotes: list[QuoteMarks], start: int, end: int) -> list[QuoteMarks]:
    """The quotations (in order, by start) lying inside ``start``-``end`` (a closing mark may
    stand just after ``end``)."""
    out = []
    for q in quotes[bisect_left(quotes, start, key=_start) :]:
        if q.start > end + 1:
            break
        if q.end <= end + 1:
            out.append(q)
    return out


def _adjacent_quotes(cue: Token, sent: Span, quotes: list[QuoteMarks]) -> list[QuoteMarks]:
    """Quotations that the cue's clause attributes: `"…," Gallant said, "…"` or `He said: "…"`."""
    doc = cue.doc
    clause_l = doc[_subject_left(cue)].idx
    # the cue clause: from its subject to the cue (and its adverbials up to the next punctuation)
    i = cue.i + 1
    while i < sent.end and not doc[i].is_punct and doc[i].text not in ('"', "“", "”", "''", "``"):
        i += 1
    clause_r = doc[i - 1].idx + len(doc[i - 1])
    found: list[QuoteMarks] = []
    before = False
    text = doc_text(doc)
    # quotations are in order and do not overlap (a nested one is inside its outer one): start
    # at the first that ends near the clause, stop at the first that starts too far after it
    for q in quotes[bisect_left(quotes, clause_l - 3, key=_end) :]:
        if q.start > clause_r + 24:
            break  # too far from the cue's clause to be its quotation
        gap_before = text[q.end : clause_l]
        gap_after = text[clause_r : q.start]
        if "\n" in gap_before and "\n" in gap_after:
            continue
        if q.end <= clause_l and len(gap_before) <= 3 and _only(gap_before, ",—–-"):
            found.append(q)
            before = True
        elif q.start >= clause_r and len(gap_after) <= 4 and _only(gap_after, ",:—–-"):
            found.append(q)
        elif q.start >= clause_r and len(gap_after) <= 24 and _only_adverbs(doc, clause_r, q.start):
            found.append(q)  # 'Emanuel acknowledged, however, "…"'
        elif (
            q.start >= clause_r
            and text[clause_r : clause_r + 1] == ":"
            and len(gap_after) <= 8
            and _only(gap_after, ":\n")
            and not found
        ):
            found.append(q)  # `said:` then the quote, maybe in the next paragraph
        elif before and q.start >= clause_r and len(gap_after) <= 4 and _only(gap_after, ".") and not q.ends_comma:
            # `"…," Spencer said. "…"`: the quote goes on after the attribution, unless it
            # closes on a comma, before an attribution of its own (`"…," the candidate said`)
            found.append(q)
    after = [q for q in found if q.start >= clause_r]
    if after and any(q.end <= clause_l and q.ends_sentence and inside_sentence(text, q.start) for q in found):
        # 'calls her “an extremely intelligent woman.” He adds, “…”': the quotation before ends
        # a sentence of its own attribution; the cue introduces the one after
        return after
    if after and len(after) < len(found) and cue.tag_ == "VBG" and cue.dep_ in ("advcl", "xcomp", "conj"):
        # 'tweeted that it "needs to be a dinner table conversation," adding "we need …"': the
        # participle adds the quotation after it; the one before is the main verb's
        return after
    return found


_SENTENCE_END = re.compile(r"[.!?][\"”’']*\s")


def inside_sentence(text: str, pos: int) -> bool:
    """Do words of the same sentence come before ``pos`` (in its paragraph)?"""
    line_start = text.rfind("\n", max(0, pos - 400), pos) + 1
    before = text[line_start:pos]
    ends = list(_SENTENCE_END.finditer(before))
    rest = before[ends[-1].end() :] if ends else before
    return any(ch.isalpha() for ch in rest)


def _subject_left(cue: Token) -> int:
    """Where the cue's clause starts: its subject and auxiliaries, never words inside a quotation
    (in '"Absolutely not," he said' the parser may hang "not" on "said")."""
    doc = cue.doc
    left = cue.i
    for c in cue.lefts:
        if (c.dep_ in _SUBJ or c.dep_ in ("aux", "advmod", "neg")) and not any(
            doc[k].is_quote for k in range(c.i, cue.i)
        ):
            left = min(left, c.left_edge.i)
    if left == cue.i and not any(c.dep_ in _SUBJ for c in children_of(cue)):
        # '"…," the editorial read', '"…," Ramos, 58, told AFP': a subject the parser missed,
        # right before the cue
        while left > sentence_of(cue).start and not doc[left - 1].is_quote:
            prev = doc[left - 1]
            if not (
                prev.pos_ in _NP_POS
                or prev.like_num
                or (prev.pos_ == "ADP" and prev.dep_ == "prep")  # 'a top outside Clinton adviser'
                or (
                    prev.text == ","
                    and left - 1 > sentence_of(cue).start
                    and (doc[left - 2].like_num or doc[left - 2].pos_ in ("PROPN", "NOUN"))
                )
            ):
                break
            left -= 1
        while left < cue.i and doc[left].text == ",":
            left += 1
    return left
