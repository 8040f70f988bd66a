"""Small fetch-or-raise helpers shared by the services."""
from __future__ import annotations

from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import NotFound
from ..orm import Pipeline, Stage

T = TypeVar("T")


def get_or_raise(session: Session, cls: type[T], key: int, what: str) -> T:
    obj = session.get(cls, key)
    if obj is None:
        raise NotFound(what, key)
    return obj


def pipeline_by_key(session: Session, key: str) -> Pipeline:
    pipeline = session.scalar(select(Pipeline).where(Pipeline.key == key))
    if pipeline is None:
        raise NotFound("pipeline", key)
    return pipeline


def stage_by_key(session: Session, pipeline_id: int, key: str) -> Stage:
    stage = session.scalar(select(Stage).where(Stage.pipeline_id == pipeline_id, Stage.key == key))
    if stage is None:
        raise NotFound("stage", key)
    return stage


def stage_ref(session: Session, pipeline_id: int, stage: str | int) -> Stage:
    """A stage of the pipeline by key (str) or id (int)."""
    if isinstance(stage, int):
        obj = session.get(Stage, stage)
        if obj is None or obj.pipeline_id != pipeline_id:
            raise NotFound("stage", stage)
        return obj
    return stage_by_key(session, pipeline_id, stage)
