"""One writer of the two-writer tests: for a few seconds, act on the same few deals as the
other writer does — move, win, lose, reopen, edit the amount on the card — each time on
what it read just before (as a screen would), reassign it to another member over the owner
it saw, and print one JSON line saying what it did.

    python tests/hammer.py URL SECONDS SEED USER_ID DEAL_ID...
    python tests/hammer.py moves URL DEAL_ID     # moves back and forth, printing each acknowledged one

Every action either succeeds (its events are counted) or is refused with a domain error
(counted by class); anything else is a driver error, listed so the test can fail on it.
"""
from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import select  # noqa: E402

from voronka.models.db import open_database  # noqa: E402
from voronka.models.errors import VoronkaError  # noqa: E402
from voronka.models.money import from_minor  # noqa: E402
from voronka.models.orm import Deal, LostReason, Stage, User  # noqa: E402
from voronka.models.services.batch import lose_deals, win_deals  # noqa: E402
from voronka.models.services.deal_fields import save_deal_fields  # noqa: E402
from voronka.models.services.deal_guard import SeenDeal  # noqa: E402
from voronka.models.services.deals import change_owner, move_deal, reopen_deal  # noqa: E402


def hammer(url: str, seconds: float, seed: int, user_id: int, deal_ids: list[int]) -> dict:
    rng = random.Random(seed)
    db = open_database(url, create=False, seed_defaults=False)
    db.acting_user_id = user_id
    with db.session() as s:
        stages = list(s.scalars(select(Stage.id).where(Stage.pipeline_id == 1, Stage.won.is_(False),
                                                        Stage.side_of_id.is_(None))))
        reasons = list(s.scalars(select(LostReason.id)))
        users = list(s.scalars(select(User.id)))
    out: dict = {"actions": 0, "events": 0, "refused": {}, "driver_errors": [], "edits": 0}
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        deal_id = rng.choice(deal_ids)
        with db.session() as s:  # what the screen shows
            deal = s.get(Deal, deal_id)
            seen, version, amount = SeenDeal(deal.stage_id, deal.status, deal.owner_id, True), deal.version, \
                deal.amount_minor
        time.sleep(rng.random() * 0.003)  # the user thinks; the other writer may act meanwhile
        kind = rng.choice(["move", "move", "win", "lose", "edit", "reassign"] if seen.status == "open"
                          else ["reopen", "edit", "reassign"])
        try:
            if kind == "move":
                done = db.run(move_deal, deal_id, rng.choice(stages), user_id=user_id, seen=seen,
                              values={"amount": "100"})
            elif kind == "win":
                done = db.run(win_deals, [deal_id], user_id=user_id, seen={deal_id: seen},
                              values={deal_id: {"amount": "100"}})
            elif kind == "lose":
                done = db.run(lose_deals, [deal_id], reason_id=rng.choice(reasons), user_id=user_id,
                              seen={deal_id: seen})
            elif kind == "reassign":
                done = db.run(change_owner, [deal_id], rng.choice(users), user_id=user_id, seen={deal_id: seen})
            elif kind == "reopen":
                done = db.run(reopen_deal, deal_id, user_id=user_id, seen=seen)
            else:
                new = str(rng.randint(1, 10_000))
                done = db.run(save_deal_fields, deal_id, {"amount": new}, seen_version=version,
                              original={"amount": from_minor(amount)})
                out["edits"] += 1
            out["events"] += len(done.event_ids)
            out["actions"] += 1
        except VoronkaError as exc:
            name = type(exc).__name__
            out["refused"][name] = out["refused"].get(name, 0) + 1
        except Exception as exc:  # noqa: BLE001 — reported to the test, which fails on any
            out["driver_errors"].append(f"{type(exc).__name__}: {exc}"[:300])
    db.close()
    return out


def moves(url: str, deal_id: int) -> None:
    """Move one deal between two stages forever, printing ``event_id`` after each commit."""
    db = open_database(url, create=False, seed_defaults=False)
    with db.session() as s:
        first, second = list(s.scalars(select(Stage.id).where(Stage.pipeline_id == 1).order_by(Stage.position)))[:2]
    while True:
        with db.session() as s:
            here = s.get(Deal, deal_id).stage_id
        done = db.run(move_deal, deal_id, second if here == first else first, user_id=1)
        print(done.event_ids[0], flush=True)


if __name__ == "__main__":
    if sys.argv[1] == "moves":
        moves(sys.argv[2], int(sys.argv[3]))
        sys.exit(0)
    url, seconds, seed, user = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    print(json.dumps(hammer(url, seconds, seed, user, [int(x) for x in sys.argv[5:]])), flush=True)
