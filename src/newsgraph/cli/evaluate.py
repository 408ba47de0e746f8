"""``newsgraph eval``: score the pipeline on annotated data with the project's metrics.

The metric code lives in :mod:`newsgraph.evaluation`; these commands only parse
options, run it and print the figures (a table, or JSON with ``--json``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from ..errors import EvaluationError
from ..settings import Settings, load_settings
from .app import app
from .output import fail

eval_app = typer.Typer(
    name="eval",
    help="Score newsgraph on annotated data (PolNeAR attributions, PLOVER events, actor coverage, real pages).",
    no_args_is_help=True,
)
app.add_typer(eval_app, name="eval")


class Subset(StrEnum):
    all = "all"
    direct = "direct"


JsonOption = Annotated[bool, typer.Option("--json", help="Print one JSON object instead of a table.")]
ModelOption = Annotated[str | None, typer.Option("--model", help="spaCy pipeline to use (default: setting 'model').")]


def _emit(metrics: dict[str, Any], as_json: bool, report: str) -> None:
    if as_json:
        typer.echo(json.dumps(metrics, indent=None, sort_keys=True))
    else:
        typer.echo(report)


def _score(
    model: str | None, as_json: bool, run: Callable[[Settings], dict[str, Any]], report: Callable[[dict[str, Any]], str]
) -> None:
    """Resolve settings, run one evaluation, print its figures; a bad input exits 2 with its message."""
    overrides: dict[str, Any] = {"model": model} if model else {}
    try:
        metrics = run(load_settings(**overrides))
    except EvaluationError as exc:  # gold data missing or malformed: the command was called wrongly
        fail(str(exc), status=2)
    _emit(metrics, as_json, report(metrics))


@eval_app.command("attributions")
def eval_attributions(
    folder: Annotated[Path, typer.Argument(help="A PolNeAR-layout folder: text/ and attributions/ inside.")],
    subset: Annotated[Subset, typer.Option(help="'direct' keeps only quotes holding a quotation mark.")] = Subset.all,
    predictions: Annotated[
        Path | None, typer.Option(help="Score this predictions JSONL instead of running the pipeline.")
    ] = None,
    as_json: JsonOption = False,
    model: ModelOption = None,
) -> None:
    """Extract quotes from every text in FOLDER and score them against its attributions."""
    from ..evaluation.attributions import evaluate_attributions, format_attribution_report

    _score(
        model,
        as_json,
        lambda st: evaluate_attributions(folder, subset=subset.value, settings=st, predictions=predictions),
        format_attribution_report,
    )


@eval_app.command("events")
def eval_events(
    gold: Annotated[Path, typer.Argument(help="PLOVER gold records, JSONL (one story per line).")],
    predictions: Annotated[
        Path | None,
        typer.Option(help="Score this predictions JSONL ({id, events}) instead of running the pipeline."),
    ] = None,
    as_json: JsonOption = False,
    model: ModelOption = None,
) -> None:
    """Extract events from every story in GOLD and score type, actors and full events."""
    from ..evaluation.events import evaluate_events, format_event_report

    _score(model, as_json, lambda st: evaluate_events(gold, settings=st, predictions=predictions), format_event_report)


@eval_app.command("actors")
def eval_actors(
    gold: Annotated[Path, typer.Argument(help="PLOVER gold records, JSONL: each gold actor has text and code.")],
    as_json: JsonOption = False,
    model: ModelOption = None,
) -> None:
    """Share of gold actors that newsgraph finds with a covering mention and the same country."""
    from ..evaluation.actors import evaluate_actor_coverage, format_actor_report

    _score(model, as_json, lambda st: evaluate_actor_coverage(gold, settings=st), format_actor_report)


@eval_app.command("real")
def eval_real(
    annotations: Annotated[
        Path, typer.Argument(help="Annotations of real pages (a folder of *.json, e.g. annotations/real-news/test).")
    ],
    pages: Annotated[Path, typer.Option(help="The news-pages folder: html/<page>.html and ground-truth.json.")] = Path(
        "../shared/data/news-pages"
    ),
    errors: Annotated[bool, typer.Option("--errors/--no-errors", help="List every error below the figures.")] = True,
    as_json: JsonOption = False,
    model: ModelOption = None,
) -> None:
    """Extract every annotated page and score quotes, speakers, events, actors, dates and body."""
    from ..evaluation.real import evaluate_real, format_real_report

    _score(
        model,
        as_json,
        lambda st: evaluate_real(annotations, pages, settings=st, with_errors=errors),
        format_real_report,
    )
