"""Which tiles exist, their titles in the "Add tile" menu, and each role's default start page.

Defaults: a rep (lead generator, SDR, AE, CSM) starts the day with their own numbers,
tasks and the deals that need them; a head of sales with the team's numbers, the plan,
the pipeline and the funnel's weak spots.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from ..app_context import AppContext
from .list_tiles import NoNextStepTile, StuckTile, TasksTile
from .pipeline_tile import PipelineTile
from .plan_tile import PlanTodayTile
from .report_tiles import MetricTile, PlanFactTile, YesterdayTile
from .tile import Tile

TILE_CLASSES: dict[str, type[Tile]] = {
    cls.kind: cls for cls in (YesterdayTile, TasksTile, NoNextStepTile, StuckTile, PlanFactTile,
                              PipelineTile, MetricTile, PlanTodayTile)
}
MENU_TITLES = {  # the "Add tile" menu, in this order
    "yesterday": QT_TRANSLATE_NOOP("Tiles", "Yesterday's numbers"),
    "my_tasks": QT_TRANSLATE_NOOP("Tiles", "My tasks today and overdue"),
    "no_next_step": QT_TRANSLATE_NOOP("Tiles", "Deals with no next step"),
    "stuck": QT_TRANSLATE_NOOP("Tiles", "Stuck deals"),
    "plan_fact": QT_TRANSLATE_NOOP("Tiles", "Plan vs fact this month"),
    "pipeline": QT_TRANSLATE_NOOP("Tiles", "Pipeline by stage"),
    "metric": QT_TRANSLATE_NOOP("Tiles", "A metric with its sparkline"),
    "plan_today": QT_TRANSLATE_NOOP("Tiles", "What the plan asks today"),
}
DEFAULT_SIZES = {"yesterday": (2, 1), "my_tasks": (2, 2), "no_next_step": (2, 1), "stuck": (2, 1),
                 "plan_fact": (2, 1), "pipeline": (2, 2), "metric": (1, 1),
                 "plan_today": (2, 2)}


def menu_title(kind: str) -> str:
    return QCoreApplication.translate("Tiles", MENU_TITLES[kind])


def new_spec(kind: str, **options: Any) -> dict[str, Any]:
    w, h = DEFAULT_SIZES[kind]
    return {"kind": kind, "w": w, "h": h, "options": dict(options)}


def default_tiles(role: str | None) -> list[dict[str, Any]]:
    """The start page a user of ``role`` gets before arranging their own."""
    if role == "head_of_sales" or role is None:
        return [
            new_spec("yesterday", scope="team"),
            new_spec("plan_fact", scope="team"),
            new_spec("plan_today"),
            new_spec("pipeline", scope="team"),
            new_spec("metric", metric="revenue_growth"),
            new_spec("metric", metric="conv_client"),
            new_spec("metric", metric="pipeline_sufficiency"),
            new_spec("metric", metric="actions_per_day_sdr"),
            {**new_spec("stuck", scope="team"), "w": 2},
            new_spec("my_tasks") | {"h": 1},
        ]
    per_day = "actions_per_day_ae" if role == "ae" else "actions_per_day_sdr"
    return [
        new_spec("yesterday", scope="me"),
        new_spec("my_tasks"),
        new_spec("plan_fact", scope="me"),
        new_spec("no_next_step", scope="me"),
        new_spec("stuck", scope="me"),
        new_spec("metric", metric=per_day) | {"w": 2},
    ]


def make_tile(ctx: AppContext, spec: dict[str, Any], parent: QWidget | None = None) -> Tile | None:
    """The tile for a stored spec; None for a kind this version does not know."""
    cls = TILE_CLASSES.get(spec.get("kind", ""))
    return cls(ctx, spec, parent) if cls is not None else None
