"""The one flow: ingest -> clean -> nlp (dates, actors, quotes, events) -> Article.

:class:`Pipeline` loads the spaCy pipeline once and turns :class:`InputDocument`
objects into :class:`Article` records, in batches through ``nlp.pipe``. The
same object runs unchanged inside worker processes (``processes > 1``) and
Dask workers: it is built from :class:`Settings` alone.

Boilerplate never reaches the parser, yet offsets stay those of the full text:
the Doc is made from a *masked* copy in which every character outside the body
spans is replaced by a space (newlines are kept), so the two strings have the
same length and every offset means the same in both.
"""

from __future__ import annotations

import logging
import os
import signal
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc

from . import __version__
from .clean import clean_text
from .errors import Errors, ExtractionError
from .ingest.base import LONG_RUN, LONGEST_RUN, IngestFailure, InputDocument
from .ingest.dates import plausible_date
from .nlp import load_language, model_version, release, set_doc_text
from .record import Article, Offsets
from .settings import Settings, load_settings

log = logging.getLogger(__name__)


def mask_outside(text: str, body: list[Offsets]) -> str:
    """``text`` with every character outside ``body`` blanked (newlines kept)."""
    if len(body) == 1 and body[0].start == 0 and body[0].end == len(text):
        return text
    out: list[str] = []
    pos = 0
    for b in sorted(body, key=lambda o: o.start):
        if b.start > pos:
            out.append(_blank(text[pos : b.start]))
        out.append(text[max(pos, b.start) : b.end])
        pos = max(pos, b.end)
    out.append(_blank(text[pos:]))
    return "".join(out)


def _blank(s: str) -> str:
    return "".join(ch if ch == "\n" else " " for ch in s)


def blank_long_runs(text: str) -> str:
    """``text`` with every run of more than :data:`LONGEST_RUN` characters without whitespace
    blanked (same length). No word is that long; such runs are URLs, encoded data or garbage
    ('“”“”…' with no spaces), and spaCy's tokenizer takes time quadratic in a token's length to
    split off its affixes (16,000 quote marks: 19 s; a paragraph of them, hours)."""
    if len(text) <= LONGEST_RUN or not LONG_RUN.search(text):
        return text
    return LONG_RUN.sub(lambda m: " " * len(m.group()), text)


# Parsing memory grows with the text: measured peak RSS over the loaded pipeline, 3.4-3.5 KB per
# character of news text (PolNeAR articles joined to 100,000, 200,000 and 300,000 characters;
# benchmarks/bench_limits.py), rounded up. The check below refuses a text that would not fit in
# the memory that is free, instead of letting the machine swap or the process die.
BYTES_PER_CHAR = 3_600


def parse_megabytes(chars: int) -> int:
    """Estimated memory (MB) parsing a text of ``chars`` characters takes."""
    return chars * BYTES_PER_CHAR // 1_000_000 + 1


def free_megabytes() -> int | None:
    """Memory available to new allocations (MemAvailable), or None where it cannot be read."""
    try:
        with open("/proc/meminfo", encoding="ascii") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) // 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


@dataclass(slots=True)
class Prepared:
    """An input after cleaning: metadata decided, body known."""

    doc: InputDocument
    id: str
    title: str | None
    published: str | None
    body: list[Offsets]
    meta: dict[str, object]


class Pipeline:
    """Article extraction with one spaCy pipeline, loaded once.

    Args:
        settings: Resolved settings (model name, batch size...). Defaults to
            :func:`load_settings`.
    """

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or load_settings()
        self.nlp: Language = load_language(self.settings.model)
        # spaCy refuses texts over its own max_length (1,000,000): ours is max_text_chars
        self.nlp.max_length = max(self.nlp.max_length, self.settings.max_text_chars + 1)
        self.version = {"newsgraph": __version__, "model": model_version(self.nlp)}

    # -- preparation (cheap, main process) ------------------------------------
    def prepare(self, doc: InputDocument) -> Prepared:
        """Clean ``doc``: title, date, byline and body spans. Input metadata wins over guesses."""
        chars = len(doc.text)
        if chars > self.settings.max_text_chars:
            raise ExtractionError(
                Errors.E203.format(
                    id=doc.label, chars=chars, limit=self.settings.max_text_chars, mb=parse_megabytes(chars)
                )
            )
        free = free_megabytes()
        if free is not None and parse_megabytes(chars) > free:
            raise ExtractionError(Errors.E204.format(id=doc.label, chars=chars, mb=parse_megabytes(chars), free=free))
        meta = dict(doc.meta)
        meta.pop("record", None)
        # a stated date is checked where it enters (readers); this is for the Python API's callers
        stated = plausible_date(doc.published)
        if doc.published and not stated:
            log.warning("%s: published %r is not a plausible ISO date; kept as unknown", doc.label, doc.published)
        if doc.body is not None:
            body, title, published = doc.body, doc.title, stated
        else:
            cleaned = clean_text(doc.text)
            body = cleaned.body
            title = doc.title or cleaned.title
            published = stated or plausible_date(cleaned.published)
            for k, v in cleaned.meta.items():
                meta.setdefault(k, v)
        # the URL or the file name, when neither the metadata nor the text gave a date
        published = published or plausible_date(doc.fallback_published)
        return Prepared(doc, doc.stable_id(), title, published, body, meta)

    def _make_doc(self, p: Prepared) -> Doc:
        text = blank_long_runs(mask_outside(p.doc.text, p.body))
        sdoc = self.nlp.make_doc(text)
        # the tokenizer keeps the text exactly: hand it to doc_text instead of rejoining tokens
        set_doc_text(sdoc, text)
        sdoc._.published = p.published
        return sdoc

    def _to_article(self, p: Prepared, sdoc: Doc) -> Article:
        release(sdoc)
        return Article(
            id=p.id,
            text=p.doc.text,
            source=p.doc.source,
            title=p.title,
            published=p.published,
            body=p.body,
            actors=sdoc._.actors or [],
            quotes=[q for q in sdoc._.quotes or [] if q.confidence >= self.settings.quote_min_confidence],
            events=[e for e in sdoc._.events or [] if e.confidence >= self.settings.event_min_confidence],
            timexes=sdoc._.timexes or [],
            meta=p.meta,
            pipeline=dict(self.version),
        )

    # -- extraction -------------------------------------------------------------
    def __call__(self, doc: InputDocument) -> Article:
        """Extract one article."""
        result = next(iter(self.process([doc])))
        if isinstance(result, IngestFailure):
            raise ExtractionError(result.message)
        return result

    def process(self, docs: Iterable[InputDocument | IngestFailure]) -> Iterator[Article | IngestFailure]:
        """Extract articles in batches, in input order; failures pass through, and
        an article the NLP stages cannot process becomes a failure naming it."""
        batch_size = self.settings.batch_size
        it = iter(docs)
        while True:
            chunk = list(islice(it, batch_size))
            if not chunk:
                return
            yield from self._process_chunk(chunk)

    def _process_chunk(self, chunk: list[InputDocument | IngestFailure]) -> list[Article | IngestFailure]:
        out: list[Article | IngestFailure | Prepared] = []
        ready: list[Prepared] = []
        for d in chunk:
            if isinstance(d, IngestFailure):
                out.append(d)
                continue
            try:
                p = self.prepare(d)
            except ExtractionError as exc:
                out.append(IngestFailure(d.label, str(exc)))
                continue
            out.append(p)
            ready.append(p)
        results: dict[int, Article | IngestFailure] = {}
        try:
            sdocs = list(self.nlp.pipe((self._make_doc(p) for p in ready), batch_size=self.settings.batch_size))
            for p, sdoc in zip(ready, sdocs, strict=True):
                results[id(p)] = self._to_article(p, sdoc)
        except Exception:  # one bad article must not sink its batch: retry one by one
            log.debug("batch failed, retrying articles one by one", exc_info=True)
            for p in ready:
                try:
                    results[id(p)] = self._to_article(p, self.nlp(self._make_doc(p)))
                except Exception as exc:  # noqa: BLE001 - reported per article, batch goes on
                    results[id(p)] = IngestFailure(p.doc.label, Errors.E200.format(id=p.doc.label, reason=exc))
        return [results[id(x)] if isinstance(x, Prepared) else x for x in out]


# -- several processes ----------------------------------------------------------
_worker: Pipeline | None = None


def _init_worker(settings: Settings, parent: int) -> None:
    global _worker
    _exit_with_parent(parent)
    _worker = Pipeline(settings)


def _exit_with_parent(parent: int) -> None:
    """End this worker when its parent process ends, however it ends (``kill -9`` included): the
    kernel sends SIGTERM at once where it can (Linux ``PR_SET_PDEATHSIG``), and a watcher thread
    checks every second that the parent is still the one that started us."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM, 0, 0, 0)  # PR_SET_PDEATHSIG = 1
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the parent died before the signal was asked for
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="newsgraph-parent-watch", daemon=True).start()


def _run_chunk(chunk: list[InputDocument | IngestFailure]) -> list[Article | IngestFailure]:
    assert _worker is not None
    return _worker._process_chunk(chunk)


def extract_stream(
    docs: Iterable[InputDocument | IngestFailure], settings: Settings | None = None
) -> Iterator[Article | IngestFailure]:
    """Extract a stream of inputs, in order, with ``settings.processes`` workers.

    Memory stays bounded: at most two chunks per worker are in flight.
    """
    settings = settings or load_settings()
    if settings.processes <= 1:
        yield from Pipeline(settings).process(docs)
        return
    it = iter(docs)
    window = 2 * settings.processes
    with ProcessPoolExecutor(settings.processes, initializer=_init_worker, initargs=(settings, os.getpid())) as pool:
        pending: list[Future[list[Article | IngestFailure]]] = []
        while True:
            while len(pending) < window:
                chunk = list(islice(it, settings.batch_size))
                if not chunk:
                    break
                pending.append(pool.submit(_run_chunk, chunk))
            if not pending:
                return
            try:
                done = pending.pop(0).result()
            except BrokenProcessPool as exc:
                raise ExtractionError(Errors.E205.format(reason=str(exc) or type(exc).__name__)) from exc
            yield from done
