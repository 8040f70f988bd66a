"""What the import wizard has learned so far: the files as read, the preset being filled in,
the target pipeline, the last dry run and the import's result. Plain Python; the pages
read and change it, the engine (``models.importing``) does the work."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_data_path

from voronka.models.importing import DryRun, ImportResult, Preset, Table
from voronka.models.importing.fields import CUSTOM_PREFIX, STEP_PREFIX, Field, FIELDS_BY_ROLE
from voronka.models.importing.preset import FileMapping, match_files
from voronka.models.importing.target import Target


def presets_folder() -> Path:
    """Where this computer keeps the presets the wizard saves."""
    return user_data_path("Voronka", appauthor=False) / "import_presets"


@dataclass
class ImportSession:
    tables: list[Table] = field(default_factory=list)
    preset: Preset = field(default_factory=Preset)
    preset_path: Path | None = None  # the saved preset the mapping came from
    target: Target | None = None
    language: str = "ru"
    dry: DryRun | None = None
    result: ImportResult | None = None

    # --- the target pipeline ----------------------------------------------------------------
    def stage_names(self) -> dict[str, str]:
        """Stage key → its name in the UI language, in pipeline order."""
        if self.target is None:
            return {}
        return {s.key: (s.name_ru if self.language == "ru" else s.name_en) or s.key for s in self.target.stages}

    # --- files and their mappings -----------------------------------------------------------
    def align(self) -> None:
        """Give ``preset.files`` one mapping per table, in the tables' order."""
        chosen = match_files(self.preset, [t.headers for t in self.tables])
        files = list(self.preset.files)
        if chosen is not None and len(chosen) == len(self.tables):
            ordered = [files[i] for i in chosen if i is not None]
        else:
            ordered = files[:len(self.tables)]
        while len(ordered) < len(self.tables):
            ordered.append(FileMapping(role="deals" if not ordered else "history"))
        for table, mapping in zip(self.tables, ordered):
            mapping.file_name = mapping.file_name or table.name
            for header in table.headers:
                mapping.columns.setdefault(header, Field.SKIP.value)
        self.preset.files = ordered

    def mapping(self, index: int) -> FileMapping:
        return self.preset.files[index]

    def targets_for(self, index: int) -> list[str]:
        """Every target a column of file ``index`` may take, in the combo's order."""
        role = self.mapping(index).role
        out = [f.value for f in FIELDS_BY_ROLE[role] if f != Field.SKIP]
        if role == "deals":
            out += [STEP_PREFIX + key for key in self.stage_names()]
        return [Field.SKIP.value, *out]

    def join_column(self, index: int) -> str | None:
        """The column of file ``index`` that joins it to the others (mapped to the deal id)."""
        return next(iter(self.mapping(index).headers_for(Field.DEAL_ID.value)), None)

    def set_join_column(self, index: int, header: str | None) -> None:
        columns = self.mapping(index).columns
        for h, t in columns.items():
            if t == Field.DEAL_ID.value:
                columns[h] = Field.SKIP.value
        if header:
            columns[header] = Field.DEAL_ID.value

    def custom_target(self, header: str) -> str:
        from voronka.models.services.custom_fields import field_key_from

        return CUSTOM_PREFIX + (field_key_from(header) or "field")

    def forget_dry_run(self) -> None:
        self.dry = None
