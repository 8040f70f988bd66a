"""What an import needs to know about the database it writes into (read in the import's transaction)."""
from __future__ import annotations

from dataclasses import dataclass, field
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import Connection, select

from .. import errors
from ..orm import Deal, LostReason, Pipeline, Setting, Stage, User

DEFAULT_TIME_ZONE = "Europe/Moscow"


@dataclass(frozen=True)
class StageInfo:
    key: str
    id: int
    name_ru: str
    name_en: str
    position: int
    won: bool


@dataclass
class Target:
    """The target pipeline's stages, the team, the team currency and time zone, and which file
    ids were imported already (``imported``: external id → deal id)."""

    pipeline_key: str
    pipeline_id: int
    stages: list[StageInfo]
    users: dict[str, int]  # name → id
    currency: str | None  # the team currency setting; None when never set
    time_zone: ZoneInfo
    lost_reasons: dict[str, int] = field(default_factory=dict)  # lower-case text (ru and en) → id
    imported: dict[str, int] = field(default_factory=dict)

    @property
    def stage_keys(self) -> list[str]:
        return [s.key for s in self.stages]

    @property
    def won_stage(self) -> str | None:
        return next((s.key for s in self.stages if s.won), None)

    @property
    def stage_names(self) -> dict[str, str]:
        """Every stage's Russian and English name → its key (for guessing value targets)."""
        out: dict[str, str] = {}
        for s in self.stages:
            out[s.name_ru] = s.key
            out[s.name_en] = s.key
        return out

    def stage(self, key: str) -> StageInfo | None:
        return next((s for s in self.stages if s.key == key), None)


def _setting(conn: Connection, key: str) -> object:
    return conn.scalar(select(Setting.value).where(Setting.key == key, Setting.user_id.is_(None)))


def load_target(conn: Connection, pipeline_key: str = "sales", *, with_imported: bool = True) -> Target:
    """Read the target of an import; raises ``NotFound`` for an unknown pipeline."""
    pipeline_id = conn.scalar(select(Pipeline.id).where(Pipeline.key == pipeline_key))
    if pipeline_id is None:
        raise errors.NotFound("pipeline", pipeline_key)
    stages = [StageInfo(key, id_, ru, en, pos, bool(won)) for key, id_, ru, en, pos, won in conn.execute(
        select(Stage.key, Stage.id, Stage.name_ru, Stage.name_en, Stage.position, Stage.won)
        .where(Stage.pipeline_id == pipeline_id).order_by(Stage.position))]
    users = dict(conn.execute(select(User.name, User.id)).all())
    reasons: dict[str, int] = {}
    for text, text_en, reason_id in conn.execute(select(LostReason.text, LostReason.text_en, LostReason.id)):
        reasons.setdefault(text.strip().lower(), reason_id)
        if text_en:
            reasons.setdefault(text_en.strip().lower(), reason_id)
    try:
        zone = ZoneInfo(str(_setting(conn, "team.time_zone") or DEFAULT_TIME_ZONE))
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo(DEFAULT_TIME_ZONE)
    currency = _setting(conn, "team.currency")
    imported = dict(conn.execute(select(Deal.external_id, Deal.id).where(Deal.external_id.is_not(None))).all()) \
        if with_imported else {}
    return Target(pipeline_key=pipeline_key, pipeline_id=pipeline_id, stages=stages, users=users,
                  currency=str(currency) if currency else None, time_zone=zone, lost_reasons=reasons,
                  imported=imported)
