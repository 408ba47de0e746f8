"""The bad-input corpus: every kind of input a user may feed newsgraph by mistake or on purpose,
written into a folder at test time (no binaries are kept in the repository).

Each :class:`Case` names the file it writes, what newsgraph must do with it and what that checks:

- ``expect="E…"``: the input is skipped with exactly one line carrying that code and its name;
- ``expect="W…"``: the input is stored, with one warning line carrying that code and its name;
- ``expect="stored"``: the input is stored and nothing is said about it.

Run as a script to write the corpus somewhere to try it by hand::

    python tests/badinput/corpus.py /tmp/badinput && newsgraph ingest /tmp/badinput --db sqlite:////tmp/bad.db
"""

from __future__ import annotations

import gzip
import io
import json
import os
import random
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

# Good articles written for these tests: short, with a quote and an event each.
GOOD = (
    "The Kenyan foreign minister met his Ethiopian counterpart in Nairobi on Tuesday.\n\n"
    '"We agreed to reopen the border crossings before the rains," the minister told reporters.',
    "Police in Lagos arrested twelve protesters outside the electoral commission on Monday.\n\n"
    "The commission said the vote count would resume on Wednesday under observers from the African Union.",
    "Japan announced new sanctions on North Korea on Friday after a missile test.\n\n"
    '"These launches threaten the whole region," the chief cabinet secretary said in Tokyo.',
    "The mayor of Quito said on Thursday that the city would send aid to the flooded provinces.\n\n"
    "Ecuador's government asked the United Nations for help with the shelters.",
)
ACCENTED = (
    "Le président Emmanuel Macron a déclaré mercredi que la France enverrait des médecins à Beyrouth. "
    "« Nous serons là », a-t-il ajouté à l’Élysée.\n\n"
)


@dataclass(frozen=True)
class Case:
    """One input: the file (relative to the corpus folder), the expected outcome, what it checks."""

    name: str
    expect: str
    checks: str
    write: Callable[[Path], None]
    # a text the stored record must contain (checks decoding), or must not contain (checks leaks)
    contains: str | None = None
    lacks: str | None = None

    @property
    def skipped(self) -> bool:
        return self.expect.startswith("E")


def _text(data: str, encoding: str = "utf-8") -> Callable[[Path], None]:
    return lambda p: p.write_bytes(data.encode(encoding))


def _bytes(data: bytes) -> Callable[[Path], None]:
    return lambda p: p.write_bytes(data)


def _random(n: int, seed: int = 7) -> bytes:
    return random.Random(seed).randbytes(n)


def _pdf(p: Path) -> None:
    p.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n" + _random(2000) + b"\n%%EOF\n")


def _png(p: Path) -> None:
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + _random(3000, 8))


def _zip(p: Path) -> None:
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("article.txt", GOOD[0])
    p.write_bytes(buf.getvalue())


def _big(p: Path) -> None:
    line = ("The minister spoke to reporters about the budget. " * 20 + "\n").encode()
    with p.open("wb") as f:
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            f.write(line)


def _single_line(p: Path) -> None:
    unit = "the council met again and the mayor said the budget would pass, "
    p.write_text((unit * (5 * 1024 * 1024 // len(unit) + 1))[: 5 * 1024 * 1024], encoding="utf-8")


def _gzip_bomb(p: Path) -> None:
    with gzip.open(p, "wb", compresslevel=9) as g:
        chunk = b"A" * (1 << 20)
        for _ in range(64):  # 64 MB of text in about 64 KB
            g.write(chunk)


def _nested_html(p: Path) -> None:
    depth = 100_000
    p.write_text(
        "<html><body>" + "<div>" * depth + f"<p>{GOOD[1]}</p>" + "</div>" * depth + "</body></html>",
        encoding="utf-8",
    )


_LAUGHS = "".join(
    f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' if i else '<!ENTITY lol0 "lol">' for i in range(10)
)


def _entity_feed(p: Path) -> None:
    p.write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE rss [{_LAUGHS}]>\n<rss version="2.0"><channel><title>t</title>'
        f"<item><title>&lol9;</title><description>{GOOD[2]} &lol9;</description></item></channel></rss>",
        encoding="utf-8",
    )


def _external_entity_feed(p: Path) -> None:
    p.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
        '<rss version="2.0"><channel><title>t</title>'
        f"<item><title>Envoys</title><description>{GOOD[3]} &xxe;</description></item></channel></rss>",
        encoding="utf-8",
    )


def _warc_records(n: int) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for i in range(n):
        html = f"<html><head><title>Story {i}</title></head><body><article><p>{GOOD[i % 4]}</p>"
        html += "".join(f"<p>{GOOD[(i + k) % 4]}</p>" for k in range(1, 4)) + "</article></body></html>"
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        rec = writer.create_warc_record(
            f"https://news.example.org/2023/05/0{i + 1}/story-{i}",
            "response",
            payload=io.BytesIO(html.encode()),
            http_headers=headers,
        )
        writer.write_record(rec)
    return buf.getvalue()


def _truncated_warc(p: Path) -> None:
    data = _warc_records(3)
    p.write_bytes(data[: len(data) * 5 // 6])


def _garbled_warc(p: Path) -> None:
    p.write_bytes(
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999999999999999999999\r\n\r\n"
        + _random(500, 9)
        + b"\r\n\r\n"
    )


def _jsonl(records: list[object]) -> Callable[[Path], None]:
    def write(p: Path) -> None:
        p.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n", encoding="utf-8")

    return write


def _mostly_utf8(p: Path) -> None:
    data = (ACCENTED * 6).encode("utf-8")
    p.write_bytes(data[:200] + b"\xff\xfe\x80" + data[200:])


def _mixed(p: Path) -> None:
    p.write_bytes(
        (ACCENTED * 5).encode("utf-8") + "Le ministre a quitté Paris à midi.\n\n".encode("cp1252") + GOOD[0].encode()
    )


def _utf16_garbage(p: Path) -> None:
    p.write_bytes(b"\xff\xfe" + b"\x00\xd8" * 3000)  # lone UTF-16 surrogates: nothing decodes


def _quote_marks(p: Path) -> None:
    p.write_text(GOOD[0] + "\n\n" + "“”\"'" * 37_500 + "\n\n" + GOOD[1], encoding="utf-8")


def _run_on(p: Path) -> None:
    unit = 'and the minister said "we will not stop" and the army said that the talks would go on, '
    p.write_text((unit * (100_000 // len(unit) + 1))[:100_000], encoding="utf-8")


def _markup_text(p: Path) -> None:
    p.write_text(
        "[bold]Officials[/bold] in Kyiv [/x] said on Monday that talks had resumed.\n\n"
        '"We will not [red]give up[/red]," the foreign minister said.',
        encoding="utf-8",
    )


CASES: tuple[Case, ...] = (
    Case("empty.txt", "E102", "an empty file", _bytes(b"")),
    Case("blank.txt", "E102", "a file of spaces and line breaks only", _text(" \n\n\t \n")),
    Case("random.bin", "E103", "random bytes", _bytes(_random(1 << 16))),
    Case("report.txt", "E103", "a PDF renamed .txt (found by its first bytes)", _pdf),
    Case("photo.html", "E103", "a PNG renamed .html", _png),
    Case("archive.txt", "E103", "a ZIP archive renamed .txt", _zip),
    Case("nul-heavy.txt", "E103", "text with NUL bytes all through (binary)", _bytes(b"a\x00b\x00\x00c" * 4000)),
    Case("nul-few.txt", "W111", "a text with one stray NUL byte: replaced, kept", _text(GOOD[0] + "\x00 Done.")),
    Case("huge-50mb.txt", "E101", "a 50 MB text file (over max_file_bytes, never read whole)", _big),
    Case(
        "one-line-5mb.txt",
        "E203",
        "a 5 MB text on one line (over max_text_chars, refused before parsing)",
        _single_line,
    ),
    Case("bomb.txt.gz", "E101", "a gzip bomb: 64 MB of text in 64 KB (read no further than the limit)", _gzip_bomb),
    Case("nested.html", "E107", "HTML nested 100,000 elements deep", _nested_html),
    Case(
        "laughs.rss",
        "stored",
        "a feed with entity expansion (billion laughs): not expanded",
        _entity_feed,
        lacks="lollol",
    ),
    Case(
        "xxe.rss",
        "stored",
        "a feed with an external entity (file:///etc/passwd): not read",
        _external_entity_feed,
        lacks="root:",
    ),
    Case("cut.warc.gz", "E108", "a WARC.gz cut short: the records before the cut are stored", _truncated_warc),
    Case("garbled.warc", "E108", "a WARC record with garbled headers", _garbled_warc),
    Case(
        "cp1252.txt",
        "stored",
        "a Windows-1252 text (no UTF-8 in it): read as such",
        _text(ACCENTED * 4, "cp1252"),
        contains="président",
    ),
    Case(
        "broken-utf8.txt",
        "W110",
        "UTF-8 with three broken bytes: UTF-8 wins over a code-page guess",
        _mostly_utf8,
        contains="président",
    ),
    Case("mixed.txt", "W110", "UTF-8 paragraphs with one Windows-1252 paragraph", _mixed, contains="Élysée"),
    Case(
        "utf16-bom.txt",
        "stored",
        "UTF-16 with a BOM",
        _bytes(b"\xff\xfe" + (ACCENTED * 3).encode("utf-16-le")),
        contains="président",
    ),
    Case(
        "utf16-nobom.txt",
        "stored",
        "UTF-16 (little-endian) without a BOM",
        _bytes((ACCENTED * 2).encode("utf-16-le")),
        contains="président",
    ),
    Case("utf16-garbage.txt", "E110", "UTF-16 (BOM) whose content decodes to nothing", _utf16_garbage),
    Case(
        "quote-marks.txt",
        "W102",
        "150,000 quote marks with no spaces (the tokenizer was quadratic in this)",
        _quote_marks,
    ),
    Case("run-on.txt", "stored", "a 100 KB sentence with no full stop (quote attribution was cubic in this)", _run_on),
    Case("markup.txt", "stored", "rich markup ([bold], [/x]) in the article text", _markup_text),
    Case("[bold]name[/bold].txt", "stored", "rich markup in a file name", _text(GOOD[1] + "\n\nMore later.")),
    Case("[/x].txt", "E102", "a closing markup tag as a file name (crashed rich)", _bytes(b"")),
    Case("new\nline.txt", "E102", "a line break in a file name (the message stays one line)", _bytes(b"")),
    Case("caf\udce9.txt", "E102", "a file name that is not UTF-8 (byte 0xE9)", _bytes(b"")),
    Case(
        "records.jsonl",
        "W112",
        "JSONL: a title that is an object, a url that is a number (dropped, kept)",
        _jsonl([{"id": "rec-title", "title": {"x": 1}, "url": 42, "text": GOOD[2]}]),
    ),
    Case(
        "dates.jsonl",
        "W101",
        "JSONL: published 'not a date' (kept as unknown)",
        _jsonl([{"id": "rec-nodate", "published": "not a date", "text": GOOD[3]}]),
    ),
    Case(
        "year-one.jsonl",
        "W101",
        "JSONL: published 0001-01-01 (kept as unknown; the article is not lost)",
        _jsonl([{"id": "rec-year1", "published": "0001-01-01", "text": GOOD[0]}]),
    ),
    Case(
        "far-future.jsonl",
        "W101",
        "JSONL: published 99999-12-31",
        _jsonl([{"id": "rec-future", "published": "99999-12-31", "text": GOOD[1]}]),
    ),
    Case(
        "date-object.jsonl",
        "W101",
        "JSONL: published is an object",
        _jsonl([{"id": "rec-dateobj", "published": {"y": 2020}, "text": GOOD[2]}]),
    ),
    Case(
        "big-id.jsonl",
        "E116",
        "JSONL: an id of 5,000 digits (past Python's int digit limit)",
        _jsonl(['{"id": ' + "9" * 5000 + ', "text": "x"}']),
    ),
    Case("object-id.jsonl", "E116", "JSONL: an id that is an object", _jsonl([{"id": {"a": 1}, "text": GOOD[0]}])),
    Case("not-json.jsonl", "E105", "JSONL: a line that is not JSON", _jsonl(["{not json"])),
    Case(
        "deep.jsonl",
        "E105",
        "JSONL: a line nested 100,000 arrays deep",
        _jsonl(['{"id": "deep", "x": ' + "[" * 100_000 + "]" * 100_000 + "}"]),
    ),
    Case("list.jsonl", "E112", "JSONL: a line that is a list", _jsonl([["a", "list"]])),
    Case("no-text.jsonl", "E106", "JSONL: a record with no text or html", _jsonl([{"id": "no-text"}])),
    Case(
        "controls.jsonl",
        "W111",
        "JSONL: text with NUL and a lone surrogate (neither database stores them)",
        _jsonl(
            ['{"id": "rec-ctl", "text": "' + GOOD[3].replace('"', '\\"').replace("\n", "\\n") + ' \\u0000 \\ud800"}']
        ),
    ),
    Case(
        "twice.jsonl",
        "stored",
        "JSONL: one id on two lines (the later one is kept)",
        _jsonl([{"id": "rec-twice", "text": GOOD[0]}, {"id": "rec-twice", "text": GOOD[1]}]),
    ),
)


def _links(root: Path) -> list[Case]:
    """Links and special files, made after the rest (their targets must exist)."""
    return [
        Case("loop", "E115", "a folder link pointing back to its own folder", lambda p: p.symlink_to(root, True)),
        Case("self.txt", "E111", "a link to itself (too many levels of links)", lambda p: p.symlink_to(p)),
        Case("dangling.txt", "E111", "a link to nothing", lambda p: p.symlink_to(root / "no-such-target")),
        Case("pipe.txt", "E114", "a named pipe (would block a reader forever)", lambda p: os.mkfifo(p)),
    ]


def build(root: Path) -> list[Case]:
    """Write every case and the good articles into ``root``; return the cases written."""
    root.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(GOOD):
        (root / f"good-{i}.txt").write_text(text, encoding="utf-8")
    written: list[Case] = []
    for case in (*CASES, *_links(root)):
        path = root / case.name  # "[/x].txt" is the file "x].txt" in the folder "[": the path is the point
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            case.write(path)
        except (OSError, UnicodeEncodeError):  # a file system that refuses the name or the link
            continue
        written.append(case)
    return written


GOOD_FILES = tuple(f"good-{i}.txt" for i in range(len(GOOD)))


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "badinput")
    cases = build(target)
    print(f"{len(cases)} cases and {len(GOOD_FILES)} good articles written to {target}")
