"""Near-duplicate articles: MinHash over word shingles of the body, LSH bands in the database.

Copies of a story differ in boilerplate, line wrapping, headline and the odd
trimmed paragraph; normalising case, punctuation and whitespace and shingling
words (5-grams) keeps their Jaccard similarity high. Band keys are stored per
article, so finding candidates for a new article is one indexed query, and
the corpus never has to be re-read.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.engine import Connection

from ..record import Article
from ..settings import Settings
from .schema import lsh_bands, signatures

if TYPE_CHECKING:
    from datasketch import MinHash  # imported where used: it pulls in scipy; queries need neither it nor numpy

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


def find_duplicate(conn: Connection, article: Article, settings: Settings) -> tuple[str | None, MinHash, int]:
    """The first-seen article this one copies (or None), its signature and its word count."""
    import numpy as np

    text = article.body_text() or article.text
    sh = shingles(text)
    m = signature(text, settings.dedup_num_perm, sh)
    words = len(sh)
    keys = band_keys(m, settings.dedup_threshold, settings.dedup_num_perm)
    cond = None
    for band, key in keys:
        c = (lsh_bands.c.band == band) & (lsh_bands.c.key == key)
        cond = c if cond is None else cond | c
    if cond is None or words < 15:  # too short to call a copy
        return None, m, words
    cands = set(conn.scalars(select(lsh_bands.c.article_id).where(cond).where(lsh_bands.c.article_id != article.id)))
    best: tuple[float, str] | None = None
    if cands:
        rows = conn.execute(
            select(signatures.c.article_id, signatures.c.minhash, signatures.c.cluster, signatures.c.shingles).where(
                signatures.c.article_id.in_(sorted(cands))
            )
        ).all()
        for _aid, blob, cluster, n_other in rows:
            other = np.frombuffer(blob, dtype=np.uint64)
            sim = float(np.mean(other == m.hashvalues.astype(np.uint64)))  # MinHash Jaccard estimate
            if is_copy(sim, words, n_other, settings.dedup_threshold) and (best is None or sim > best[0]):
                best = (sim, cluster)
    return (best[1] if best else None), m, words


def store_signature(
    conn: Connection, article_id: str, m: MinHash, cluster: str, words: int, settings: Settings
) -> None:
    import numpy as np

    conn.execute(
        signatures.insert().values(
            article_id=article_id,
            minhash=m.hashvalues.astype(np.uint64).tobytes(),
            cluster=cluster,
            shingles=words,
        )
    )
    conn.execute(
        lsh_bands.insert(),
        [
            {"band": b, "key": k, "article_id": article_id}
            for b, k in band_keys(m, settings.dedup_threshold, settings.dedup_num_perm)
        ],
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
