"""The event log of the demo deals, written exactly as the deal services would write it.

Per deal: a stage event per stage entered (the first at creation), an owner event at
creation (the SDR) and at the hand-over to the AE ("demo appointed"), a won event at
the same moment as the entry into "signed", a lost event at the stage the deal was
lost at, with its reason. Who made each event: the lead generator moves outbound cards
through the first stages, the SDR up to the appointed demo, the AE from the demo on.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .history import HANDOVER, LOST, SIGNED, WON, Histories
from .team import members_with_role

KIND_STAGE, KIND_OWNER, KIND_WON, KIND_LOST, KIND_RENEWAL = 0, 1, 2, 3, 4
KINDS = np.array(["stage", "owner", "won", "lost", "renewal"], dtype=object)


@dataclass
class Events:
    """One row per event, in chronological order (deal ties keep the services' order)."""

    deal: np.ndarray  # deal number (0-based)
    kind: np.ndarray  # KIND_*
    at: np.ndarray  # seconds
    user: np.ndarray  # TEAM index
    stage: np.ndarray  # column, -1 = none
    owner: np.ndarray  # TEAM index, -1 = none
    reason: np.ndarray  # 1-based lost reason, 0 = none

    def __len__(self) -> int:
        return len(self.deal)


def mover(h: Histories, col: np.ndarray, deal: np.ndarray) -> np.ndarray:
    """Who moves a card into column ``col``: lead generator (outbound, first stages), SDR, AE."""
    lead_generator = members_with_role("lead_generator")[0]
    early = np.where(h.source[deal] == 0, lead_generator, h.sdr[deal])
    return np.where(col <= 2, early, np.where(col <= HANDOVER, h.sdr[deal], h.ae[deal]))


def deal_events(h: Histories) -> Events:
    n, cols = h.times.shape
    parts: list[tuple[np.ndarray, ...]] = []  # (deal, kind, at, user, stage, owner, reason, seq)

    deal, col = np.nonzero(h.times >= 0)
    at = h.times[deal, col]
    parts.append((deal, np.full(len(deal), KIND_STAGE), at, mover(h, col, deal), col,
                  np.full(len(deal), -1), np.zeros(len(deal), dtype=np.int64), np.zeros(len(deal), dtype=np.int64)))

    all_deals = np.arange(n)
    first_col = np.argmax(h.times >= 0, axis=1)
    parts.append((all_deals, np.full(n, KIND_OWNER), h.created, mover(h, first_col, all_deals), np.full(n, -1),
                  h.sdr, np.zeros(n, dtype=np.int64), np.ones(n, dtype=np.int64)))

    handed = np.flatnonzero(h.handover >= 0)
    parts.append((handed, np.full(len(handed), KIND_OWNER), h.handover[handed], h.sdr[handed],
                  np.full(len(handed), -1), h.ae[handed], np.zeros(len(handed), dtype=np.int64),
                  np.ones(len(handed), dtype=np.int64)))

    won = np.flatnonzero(h.status == WON)
    parts.append((won, np.full(len(won), KIND_WON), h.closed[won], h.ae[won], np.full(len(won), SIGNED),
                  np.full(len(won), -1), np.zeros(len(won), dtype=np.int64), np.full(len(won), 2)))

    lost = np.flatnonzero(h.status == LOST)
    parts.append((lost, np.full(len(lost), KIND_LOST), h.closed[lost], mover(h, h.stage[lost], lost),
                  h.stage[lost], np.full(len(lost), -1), h.reason[lost], np.full(len(lost), 3)))

    cat = [np.concatenate(c) for c in zip(*parts)]
    deal, kind, at, user, stage, owner, reason, seq = cat
    order = np.lexsort((seq, deal, at))
    return Events(deal=deal[order], kind=kind[order], at=at[order], user=user[order], stage=stage[order],
                  owner=owner[order], reason=reason[order])

