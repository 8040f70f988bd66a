"""The mapping of an import, saved as a named, readable JSON file (docs/import-presets.md).

A ``Preset`` says, for each file of an import, its role (``deals``, ``history``, ``users``),
how its columns map onto Voronka fields, how its dates are written, and, for the whole
import, which stage or status each of the file's values becomes. The wizard fills one in
(``guess_preset``), the head of sales corrects it, and it is saved for the next file of the
same shape; ``voronka import --map PRESET`` replays it.

Presets shipped with Voronka live in ``resources/import_presets/``; ``find_preset`` offers
the one whose header signature matches the files best.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..errors import VoronkaError
from .fields import valid_target

PRESET_FORMAT = 1
ROLES = ("deals", "history", "users")
# What a stage or status value can become besides a stage key of the target pipeline.
WON, LOST, OPEN, SKIP = "won", "lost", "open", "skip"
DUPLICATE_CHOICES = ("merge", "keep_both", "skip")
SHIPPED_DIR = Path(__file__).resolve().parents[2] / "resources" / "import_presets"


class PresetInvalid(VoronkaError):
    """A preset file cannot be used; the message names the file and what is wrong."""


@dataclass
class FileMapping:
    """How one file of an import is read and mapped.

    ``columns`` maps a header to a target (``deal_name``, ``custom:tags``, ``step:offer_sent``,
    ``skip`` …, see ``models.importing.fields``); headers not listed are skipped.
    ``date_formats`` maps a header to ``DD.MM.YYYY``/``DD/MM/YYYY``/``MM/DD/YYYY``/
    ``YYYY-MM-DD``/``excel`` where detection should not decide. ``match`` is the header
    signature a file must show to take this mapping (defaults to the mapped headers).
    ``header_row``/``encoding``/``delimiter``/``sheet`` override detection when set.
    """

    role: str = "deals"
    columns: dict[str, str] = field(default_factory=dict)
    date_formats: dict[str, str] = field(default_factory=dict)
    match: list[str] = field(default_factory=list)
    file_name: str = ""  # the name the file had when the preset was saved (a hint only)
    header_row: int | None = None
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None

    def headers_for(self, target: str) -> list[str]:
        """The headers mapped to ``target``, in the preset's order."""
        return [h for h, t in self.columns.items() if t == target]


@dataclass
class Preset:
    """Everything chosen for an import. Every field has a sensible default.

    * ``source``: a short name of where the data comes from (``amocrm``); the deals' file ids
      are remembered as ``<source>:<id>`` so a repeat import adds nothing.
    * ``stages``/``statuses``: file value → stage key of ``pipeline``, or ``won``/``lost``/
      ``skip`` (statuses also ``open``). A value not listed is a problem (``unmapped_value``).
    * ``lost_stage``: the stage a deal lost without any stage of its own was lost at
      (default: the pipeline's first stage).
    * ``currency``: the currency of amounts when no column (and no mark) says.
    * ``owner_role``: the role of owners who are not yet team members; ``owner_roles`` names
      a role per person (name → role) where it should differ.
    * ``companies``/``contacts``: what to do with one found already (``merge`` = use the one
      found, ``keep_both``, ``skip`` = leave the deal without it).
    * ``bad_values``: ``refuse`` (an unreadable amount/date blocks the import) or
      ``leave_empty`` (the deal is imported without that value, listed as a warning).
    * ``history_before_creation``: ``move_creation`` (the deal is taken as created at its
      first history row) or ``drop_rows``. ``stage_disagrees``: ``add_current`` (the current
      stage is entered after the last history row) or ``trust_history``.
    """

    name: str = ""
    files: list[FileMapping] = field(default_factory=list)
    source: str = "import"
    pipeline: str = "sales"
    stages: dict[str, str] = field(default_factory=dict)
    statuses: dict[str, str] = field(default_factory=dict)
    lost_stage: str | None = None
    currency: str = "RUB"
    owner_role: str = "ae"
    owner_roles: dict[str, str] = field(default_factory=dict)
    companies: str = "merge"
    contacts: str = "merge"
    bad_values: str = "refuse"
    history_before_creation: str = "move_creation"
    stage_disagrees: str = "add_current"
    description: str = ""
    format: int = PRESET_FORMAT

    def file(self, role: str) -> FileMapping | None:
        return next((f for f in self.files if f.role == role), None)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for f in data["files"]:
            for key in ("header_row", "encoding", "delimiter", "sheet"):
                if f[key] is None:
                    del f[key]
        return data


def preset_from_dict(data: dict[str, Any], origin: str = "preset") -> Preset:
    """Build and check a preset from its JSON object; raises ``PresetInvalid`` naming ``origin``."""
    if not isinstance(data, dict):
        raise PresetInvalid(f"{origin}: not a preset (a JSON object is expected)")
    if int(data.get("format", PRESET_FORMAT)) > PRESET_FORMAT:
        raise PresetInvalid(f"{origin}: written by a newer Voronka (format {data.get('format')})")
    known = set(Preset.__dataclass_fields__)
    unknown = set(data) - known
    if unknown:
        raise PresetInvalid(f"{origin}: unknown keys {', '.join(sorted(unknown))}")
    files = []
    for i, f in enumerate(data.get("files") or []):
        if not isinstance(f, dict) or set(f) - set(FileMapping.__dataclass_fields__):
            raise PresetInvalid(f"{origin}: files[{i}] has unknown keys")
        fm = FileMapping(**f)
        if fm.role not in ROLES:
            raise PresetInvalid(f"{origin}: files[{i}].role {fm.role!r} is not one of {', '.join(ROLES)}")
        bad = [t for t in fm.columns.values() if not valid_target(t)]
        if bad:
            raise PresetInvalid(f"{origin}: files[{i}] maps a column to unknown fields: {', '.join(bad)}")
        files.append(fm)
    preset = Preset(**{k: v for k, v in data.items() if k != "files"}, files=files)
    if preset.companies not in DUPLICATE_CHOICES or preset.contacts not in DUPLICATE_CHOICES:
        raise PresetInvalid(f"{origin}: companies/contacts must be one of {', '.join(DUPLICATE_CHOICES)}")
    from ..orm import Role

    roles = {r.value for r in Role}
    bad_roles = sorted({preset.owner_role, *preset.owner_roles.values()} - roles)
    if bad_roles:
        raise PresetInvalid(f"{origin}: unknown roles {', '.join(bad_roles)} (roles: {', '.join(sorted(roles))})")
    if preset.bad_values not in ("refuse", "leave_empty"):
        raise PresetInvalid(f"{origin}: bad_values must be refuse or leave_empty")
    if not re.fullmatch(r"[A-Z]{3}", preset.currency or ""):
        raise PresetInvalid(f"{origin}: currency {preset.currency!r} is not a 3-letter code")
    return preset


def load_preset(path: str | Path) -> Preset:
    """Read a preset file; raises ``PresetInvalid`` (naming the file) when it cannot be used."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise PresetInvalid(f"{path}: there is no such preset file") from None
    except (OSError, UnicodeError, json.JSONDecodeError) as exc:
        raise PresetInvalid(f"{path.name}: not a readable preset ({exc})") from None
    preset = preset_from_dict(data, path.name)
    preset.name = preset.name or path.stem
    return preset


def save_preset(preset: Preset, path: str | Path) -> Path:
    """Write ``preset`` as indented UTF-8 JSON (created folders included); returns the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    for f in preset.files:
        if not f.match:
            f.match = [h for h in f.columns]
    path.write_text(json.dumps(preset.to_dict(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def preset_file_name(name: str) -> str:
    """A safe file name for a preset called ``name`` (``amoCRM сделки`` → ``amoCRM сделки.json``)."""
    safe = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "_", name).strip(" .") or "preset"
    return safe[:80] + ".json"


def list_presets(folders: Iterable[str | Path] = ()) -> list[tuple[Path, Preset]]:
    """Every readable preset in ``folders`` and the shipped ones (unreadable files are left out)."""
    out: list[tuple[Path, Preset]] = []
    for folder in [*folders, SHIPPED_DIR]:
        for path in sorted(Path(folder).glob("*.json")) if Path(folder).is_dir() else []:
            try:
                out.append((path, load_preset(path)))
            except PresetInvalid:
                continue
    return out


def signature_score(mapping: FileMapping, headers: list[str]) -> float:
    """How well a file's headers fit a file mapping: the share of its signature present (0..1)."""
    wanted = mapping.match or list(mapping.columns)
    if not wanted:
        return 0.0
    have = {h.strip().lower() for h in headers}
    return sum(1 for h in wanted if h.strip().lower() in have) / len(wanted)


def match_files(preset: Preset, header_lists: list[list[str]]) -> list[int | None] | None:
    """Which file mapping of ``preset`` each file takes (index into ``preset.files``), or None
    when the preset does not fit (a file fitting none, or no file taking the deals mapping).

    Pairs are taken best first: the highest share of a signature present, then the longer
    (more specific) signature, so ``Id, Name`` goes to a users mapping, not to the deals one.
    """
    pairs = sorted(((signature_score(f, h), len(f.match or f.columns), fi, mi)
                    for fi, h in enumerate(header_lists) for mi, f in enumerate(preset.files)), reverse=True)
    chosen: list[int | None] = [None] * len(header_lists)
    used: set[int] = set()
    for score, _size, fi, mi in pairs:
        if score < 0.8 or chosen[fi] is not None or mi in used:
            continue
        chosen[fi] = mi
        used.add(mi)
    if any(c is None for c in chosen) or not any(preset.files[c].role == "deals" for c in chosen if c is not None):
        return None
    return chosen


def find_preset(header_lists: list[list[str]], folders: Iterable[str | Path] = ()) -> tuple[Path, Preset] | None:
    """The saved or shipped preset that fits files with these headers best, or None."""
    best: tuple[float, Path, Preset] | None = None
    for path, preset in list_presets(folders):
        chosen = match_files(preset, header_lists)
        if chosen is None:
            continue
        score = sum(signature_score(preset.files[i], h) for i, h in zip(chosen, header_lists) if i is not None)
        if best is None or score > best[0]:
            best = (score, path, preset)
    return None if best is None else (best[1], best[2])
