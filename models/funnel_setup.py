"""The default funnel a new database starts with: the Sales and Client Success
pipelines and the lost reasons of spec/funnel.md, read from ``resources/funnels``."""
from __future__ import annotations

import json
from importlib import resources as importlib_resources
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .changes import Changes
from .orm import LostReason, Pipeline, Setting, Stage

TEMPLATES = ("sales.json", "success.json")


def load_template(name: str) -> Any:
    text = importlib_resources.files("voronka.resources.funnels").joinpath(name).read_text("utf-8")
    return json.loads(text)


def create_pipeline(session: Session, template: dict[str, Any], language: str, position: int) -> Pipeline:
    pipeline = Pipeline(
        key=template["key"], kind=template["kind"], name_ru=template["name_ru"],
        name_en=template["name_en"], position=position,
        billing_months=template.get("billing_months") if template["kind"] == "success" else None,
    )
    session.add(pipeline)
    by_key: dict[str, Stage] = {}
    ru = language == "ru"
    for i, st in enumerate(template["stages"], start=1):
        stage = Stage(
            key=st["key"], name_ru=st["name_ru"], name_en=st["name_en"], position=i,
            role=st.get("role"), won=bool(st.get("won")), rot_days=st.get("rot_days"),
            description=(st.get("description_ru") if ru else st.get("description")) or None,
            exit_criteria=(st.get("exit_criteria_ru") if ru else st.get("exit_criteria")) or None,
            required_fields=list(st.get("required_fields") or []),
        )
        pipeline.stages.append(stage)
        by_key[stage.key] = stage
    for st in template["stages"]:
        if st.get("side_of"):
            by_key[st["key"]].side_of = by_key[st["side_of"]]
    return pipeline


def install_defaults(session: Session, language: str = "ru") -> Changes:
    """Create the default pipelines, lost reasons and team settings in an empty database."""
    if session.scalar(select(func.count()).select_from(Pipeline)):
        return Changes()
    for position, name in enumerate(TEMPLATES):
        create_pipeline(session, load_template(name), language, position)
    for i, reason in enumerate(load_template("lost_reasons.json")):
        session.add(LostReason(position=i, **reason))
    session.add(Setting(key="team.currency", value="RUB"))
    session.add(Setting(key="team.time_zone", value="Europe/Moscow"))
    session.add(Setting(key="team.language", value=language))
    session.flush()
    return Changes(funnel=True, settings=True)
