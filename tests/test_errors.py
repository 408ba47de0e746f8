"""The error catalogue: every code is defined once, means one thing, and every code the code and
the docs name exists."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from newsgraph import errors
from newsgraph.errors import Errors, Warnings
from tests.conftest import ROOT

CODE = re.compile(r"^[EW]\d{3}$")
SOURCE = ROOT / "src" / "newsgraph"


def _assigned_codes(class_name: str) -> list[str]:
    """The codes assigned in a catalogue class's body, in order, repeats included (a class body
    that assigns a name twice keeps the last value without a word)."""
    tree = ast.parse(Path(errors.__file__).read_text(encoding="utf-8"))
    (body,) = [node for node in tree.body if isinstance(node, ast.ClassDef) and node.name == class_name]
    return [
        target.id
        for node in body.body
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Name) and CODE.match(target.id)
    ]


def test_no_code_is_defined_twice() -> None:
    for name in ("Errors", "Warnings"):
        codes = _assigned_codes(name)
        assert len(codes) >= (50 if name == "Errors" else 5)
        repeated = sorted({c for c in codes if codes.count(c) > 1})
        assert repeated == [], f"{name} defines {repeated} more than once"
    assert not set(_assigned_codes("Errors")) & set(_assigned_codes("Warnings"))


def test_messages_carry_their_code() -> None:
    for code in _assigned_codes("Errors"):
        assert getattr(Errors, code).startswith(f"[{code}] ")
    for code in _assigned_codes("Warnings"):
        assert getattr(Warnings, code).startswith(f"[{code}] ")


def test_every_code_the_code_raises_is_in_the_catalogue() -> None:
    known = set(_assigned_codes("Errors")) | set(_assigned_codes("Warnings"))
    used: dict[str, set[str]] = {}
    for path in SOURCE.rglob("*.py"):
        for code in re.findall(r"\b(?:Errors|Warnings)\.([EW]\d{3})\b", path.read_text(encoding="utf-8")):
            used.setdefault(code, set()).add(path.name)
    assert len(used) > 30
    assert {c: sorted(p) for c, p in used.items() if c not in known} == {}


def test_every_code_the_docs_name_is_in_the_catalogue() -> None:
    known = set(_assigned_codes("Errors")) | set(_assigned_codes("Warnings"))
    docs = [ROOT / "README.md", ROOT / "docs" / "architecture.md", ROOT / "docs" / "reliability.md"]
    named = {(d.name, c) for d in docs for c in re.findall(r"\[([EW]\d{3})\]", d.read_text(encoding="utf-8"))}
    assert named
    assert sorted((doc, c) for doc, c in named if c not in known) == []
