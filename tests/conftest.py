"""Shared fixtures: the spaCy pipeline is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = Path(__file__).resolve().parent / "resources"
EXAMPLES = ROOT / "examples"
# shared/ sits beside the checkout; tests that need its data skip when it is absent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def settings():
    from newsgraph.settings import Settings

    return Settings()


@pytest.fixture(scope="session")
def pipeline(settings):
    from newsgraph.pipeline import Pipeline

    return Pipeline(settings)


@pytest.fixture(scope="session")
def nlp(pipeline):
    """The loaded spaCy Language with newsgraph's components."""
    return pipeline.nlp


@pytest.fixture(scope="session")
def extract(pipeline):
    """extract(text, published=None, title=None) -> Article, with the shared pipeline."""
    from newsgraph.ingest.base import InputDocument
    from newsgraph.record import Source, check_offsets

    def run(text: str, published: str | None = None, title: str | None = None):
        art = pipeline(InputDocument(text=text, source=Source(format="text"), title=title, published=published))
        check_offsets(art)
        return art

    return run


@pytest.fixture(scope="session")
def gallant_text() -> str:
    return (EXAMPLES / "gallant-2024-03-27.txt").read_text(encoding="utf-8")


def shared_path(*parts: str) -> Path:
    """A path under shared/, or skip the test when that data is not on this machine."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"{p} is not available")
    return p
