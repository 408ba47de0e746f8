"""Bytes to text: which encoding, and whether a file is text at all.

UTF-8 text with a few broken bytes is UTF-8 (each broken byte becomes U+FFFD and the input is
kept with a warning, [W110]): a code-page guess would turn every accented letter of the text
into something else. Only text with no valid multi-byte UTF-8 at all, or far more broken bytes
than good ones, is handed to charset-normalizer; text that decodes to mostly U+FFFD is refused
([E110]). UTF-16 is read with or without a BOM. Images, PDFs, archives and other binary files
are refused by their first bytes whatever their extension says ([E103]).
"""

from __future__ import annotations

from ..errors import Errors, Warnings
from .base import IngestFailure

NEARLY_UTF8 = 4  # valid non-ASCII characters per broken byte, at least
GARBLED = 0.1  # share of U+FFFD above which a text is not read at all (E110)


def decode(data: bytes, path: str) -> tuple[str, list[str]] | IngestFailure:
    """Bytes to ``str`` and the warnings about it: BOM, UTF-16 without BOM, UTF-8 (also with a
    few broken bytes), else charset-normalizer's best guess."""
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return _replaced(data[len(bom) :], enc, path)
    if enc16 := _utf16_without_bom(data):
        return _replaced(data, enc16, path)
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    good = sum(1 for ch in text if ch > "\x7f" and ch != "\ufffd")
    if good >= NEARLY_UTF8 * broken:
        return text, [Warnings.W110.format(path=path, count=broken, encoding="UTF-8")]
    guess = _code_page(data)
    if guess is not None:
        return guess, []
    return _replaced(data, "utf-8", path)


# Among code pages that read the bytes equally well, Windows-1252 is the one news in English and
# other Western languages was written in: charset-normalizer ranks a Baltic or Central European
# page first on short French or German text ("prťsident" for "président"), and those tie with it.
WESTERN = "cp1252"


def _code_page(data: bytes) -> str | None:
    """The text in the legacy code page charset-normalizer finds best, Windows-1252 on a tie."""
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        return None
    least = min(m.chaos for m in matches)
    western = next((m for m in matches if m.encoding == WESTERN and m.chaos <= least + 0.01), None)
    return str(western or matches[0])


def _replaced(data: bytes, encoding: str, path: str) -> tuple[str, list[str]] | IngestFailure:
    text = data.decode(encoding, errors="replace")
    broken = text.count("\ufffd") - (data.count(b"\xef\xbf\xbd") if encoding == "utf-8" else 0)
    if broken <= 0:
        return text, []
    if broken > GARBLED * max(len(text), 1):
        reason = f"{broken} of {len(text)} characters are not valid {encoding}"
        return IngestFailure(path, Errors.E110.format(path=path, reason=reason))
    return text, [Warnings.W110.format(path=path, count=broken, encoding=encoding)]


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le`` / ``utf-16-be`` when the bytes look like UTF-16 text with no BOM (mostly Latin
    text: every other byte is NUL, always on the same side)."""
    sample = data[:4096]
    if len(sample) < 16 or b"\x00" not in sample:
        return None
    even, odd = sample[0::2], sample[1::2]
    nul_even, nul_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if nul_odd > 0.3 and nul_even < 0.05:
        return "utf-16-le"
    if nul_even > 0.3 and nul_odd < 0.05:
        return "utf-16-be"
    return None


def decode_text(data: bytes, path: str) -> str | IngestFailure:
    """Bytes to ``str`` (see :func:`decode`; its warnings are dropped here)."""
    result = decode(data, path)
    return result if isinstance(result, IngestFailure) else result[0]


# Files that are no text whatever their extension says: the first bytes tell.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n", "a PNG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office/EPUB file)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x7fELF", "a program"),
    (b"OggS", "an Ogg audio/video file"),
    (b"ID3", "an MP3 file"),
)


def binary_reason(head: bytes) -> str | None:
    """Why ``head`` is not text, or None. UTF-16 text (with or without BOM) is text."""
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or _utf16_without_bom(head):
        return None
    sample = head[:4096]
    if sample.count(0) > max(2, len(sample) // 1000):
        return "NUL bytes"
    control = sum(1 for b in sample if b < 32 and b not in (0, 9, 10, 12, 13, 27))
    if sample and control / len(sample) > 0.1:
        return f"{control} control bytes in the first {len(sample)}"
    return None
