"""Spelling variants of lexicon entries: lexicons are written in American English, news comes in
American and British spelling (and, in older wire copy, "Moslem" for "Muslim")."""

from __future__ import annotations

# endings and whole words that differ (American, British)
_ENDINGS = (("ization", "isation"), ("izing", "ising"), ("ize", "ise"), ("yze", "yse"))
# "Moslem", the older transliteration wire copy still used in the 1990s, travels with the British forms
_WORDS = {"defense": "defence", "labor": "labour", "center": "centre", "muslim": "moslem"}
_WORDS_US = {gb: us for us, gb in _WORDS.items()}


def _word(word: str, british: bool) -> str:
    stem, plural = (word[:-1], "s") if word.endswith("s") else (word, "")
    words = _WORDS if british else _WORDS_US
    if stem in words:
        return words[stem] + plural
    for us, gb in _ENDINGS:
        old, new = (us, gb) if british else (gb, us)
        if stem.endswith(old):
            return stem[: -len(old)] + new + plural
    return word


def both_spellings(text: str) -> tuple[str, ...]:
    """``text`` as written, then in American and in British spelling, without repeats:
    "recognise" → ("recognise", "recognize"); "organization of the islamic conference" →
    (…, "organisation of the islamic conference")."""
    words = text.split(" ")
    variants = (text, " ".join(_word(w, False) for w in words), " ".join(_word(w, True) for w in words))
    return tuple(dict.fromkeys(variants))
