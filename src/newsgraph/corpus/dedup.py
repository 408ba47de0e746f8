"""Near-duplicate articles: MinHash over word shingles of the body, LSH bands in the database.

Copies of a story differ in boilerplate, line wrapping, headline and the odd
trimmed paragraph; normalising case, punctuation and whitespace and shingling
words (5-grams) keeps their Jaccard similarity high. Band keys are stored per
article, so finding candidates for a batch is one indexed query, and the
corpus never has to be re-read. datasketch and numpy are imported when a
signature is first made, so queries never load them.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import insert, select
from sqlalchemy.engine import Connection

from ..record import Article
from ..settings import Settings
from .registry import chunks
from .schema import lsh_bands, signatures

if TYPE_CHECKING:
    from datasketch import MinHash

_WORD = re.compile(r"\w+", re.UNICODE)
SHINGLE = 5
CONTAINMENT = 0.9
# Candidates are gathered with bands tuned for this lower similarity, then verified.
CANDIDATE_THRESHOLD = 0.5


def shingles(text: str) -> set[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


def signature(text: str, num_perm: int, shingle_set: set[bytes] | None = None) -> MinHash:
    """MinHash of ``text``'s shingles (pass ``shingle_set`` when already computed)."""
    from datasketch import MinHash

    m = MinHash(num_perm=num_perm, seed=1, scheme="affine32")
    m.update_batch(list(shingles(text) if shingle_set is None else shingle_set))
    return m


@lru_cache(maxsize=8)
def bands_for(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows) minimising false positives and negatives at ``threshold`` (datasketch's choice)."""
    from datasketch.lsh import _optimal_param

    b, r = _optimal_param(threshold, num_perm, 0.5, 0.5)
    return int(b), int(r)


def band_keys(m: MinHash, threshold: float, num_perm: int) -> list[tuple[int, str]]:
    b, r = bands_for(min(threshold, CANDIDATE_THRESHOLD), num_perm)
    hv = m.hashvalues
    return [(i, hashlib.blake2b(hv[i * r : (i + 1) * r].tobytes(), digest_size=8).hexdigest()) for i in range(b)]


def is_copy(jaccard: float, n_a: int, n_b: int, threshold: float) -> bool:
    """Near-duplicates: similar enough overall, or one (nearly) contained in the other."""
    if jaccard >= threshold:
        return True
    if jaccard < 0.4 or not n_a or not n_b:
        return False
    containment = jaccard * (n_a + n_b) / ((1 + jaccard) * min(n_a, n_b))
    return containment >= CONTAINMENT


@dataclass(slots=True)
class _Signed:
    article_id: str
    hashvalues: Any  # numpy uint64 array
    words: int
    keys: list[tuple[int, str]]
    cluster: str = ""


def _sign(article: Article, settings: Settings) -> _Signed:
    import numpy as np

    text = article.body_text() or article.text
    sh = shingles(text)
    m = signature(text, settings.dedup_num_perm, sh)
    keys = band_keys(m, settings.dedup_threshold, settings.dedup_num_perm)
    return _Signed(article.id, m.hashvalues.astype(np.uint64), len(sh), keys)


def find_duplicates(conn: Connection, articles: list[Article], settings: Settings) -> tuple[dict[str, str], list[Any]]:
    """The first-seen article each article of a batch copies, and the batch's signatures to store.

    Articles are compared with the stored corpus and with the articles before them in the batch,
    as if written one at a time.
    """
    import numpy as np

    signed = [_sign(a, settings) for a in articles]
    keys = sorted({k for s in signed for _, k in s.keys})
    stored: dict[tuple[int, str], set[str]] = {}
    for part in chunks(keys):
        for band, key, aid in conn.execute(
            select(lsh_bands.c.band, lsh_bands.c.key, lsh_bands.c.article_id).where(lsh_bands.c.key.in_(part))
        ):
            stored.setdefault((int(band), key), set()).add(aid)
    cands = sorted({aid for s in signed if s.words >= 15 for k in s.keys for aid in stored.get(k, ())})
    known: dict[str, tuple[Any, str, int]] = {}
    for part in chunks(cands):
        for aid, blob, cluster, n_other in conn.execute(
            select(signatures.c.article_id, signatures.c.minhash, signatures.c.cluster, signatures.c.shingles).where(
                signatures.c.article_id.in_(part)
            )
        ):
            known[aid] = (np.frombuffer(blob, dtype=np.uint64), cluster, int(n_other))
    dups: dict[str, str] = {}
    in_batch: dict[tuple[int, str], list[_Signed]] = {}
    for s in signed:
        best: tuple[float, str] | None = None
        if s.words >= 15:  # shorter is too short to call a copy
            others = [
                (aid, *known[aid]) for aid in sorted({a for k in s.keys for a in stored.get(k, ())}) if aid in known
            ]
            others += [(o.article_id, o.hashvalues, o.cluster, o.words) for o in _earlier(s, in_batch)]
            for aid, hv, cluster, n_other in others:
                if aid == s.article_id:
                    continue
                sim = float(np.mean(hv == s.hashvalues))  # MinHash Jaccard estimate
                if is_copy(sim, s.words, n_other, settings.dedup_threshold) and (best is None or sim > best[0]):
                    best = (sim, cluster)
        s.cluster = best[1] if best else s.article_id
        if best:
            dups[s.article_id] = best[1]
        for k in s.keys:
            in_batch.setdefault(k, []).append(s)
    return dups, signed


def _earlier(s: _Signed, in_batch: dict[tuple[int, str], list[_Signed]]) -> list[_Signed]:
    seen: dict[str, _Signed] = {}
    for k in s.keys:
        for o in in_batch.get(k, ()):
            seen.setdefault(o.article_id, o)
    return [seen[a] for a in sorted(seen)]


def store_signatures(conn: Connection, signed: list[Any]) -> None:
    """Write the signatures and band keys of a batch (after its articles)."""
    if not signed:
        return
    conn.execute(
        insert(signatures),
        [
            {"article_id": s.article_id, "minhash": s.hashvalues.tobytes(), "cluster": s.cluster, "shingles": s.words}
            for s in signed
        ],
    )
    conn.execute(
        insert(lsh_bands), [{"band": b, "key": k, "article_id": s.article_id} for s in signed for b, k in s.keys]
    )


def republished_variants(text: str) -> dict[str, str]:
    """Copies of ``text`` as republishers make them: other boilerplate, re-wrapped lines, another
    headline (first paragraph replaced), the last paragraph trimmed. For tests and evaluation."""
    paras = [p for p in text.split("\n\n") if p.strip()]
    return {
        "boilerplate": "Home | World | Politics\n\nShare this article\n\n"
        + text
        + "\n\nNo comments:\n\nPost a Comment",
        "rewrapped": re.sub(r"(.{60,70}) ", "\\1\n", text),
        "headline": "A different headline for the same story\n\n" + "\n\n".join(paras[1:]),
        "trimmed": "\n\n".join(paras[:-1]) if len(paras) > 3 else text[: int(len(text) * 0.9)],
    }
