"""Render every page of the import wizard offscreen, driven through a sample export.

    python packaging/import_screenshots.py [--sample bitrix24_like/deals.csv ...] [--lang ru]
                                           [--out FOLDER] [--docs]

Each page is grabbed at 1280×720 after its background work has finished, into
``FOLDER/<sample>-<n>.png``; ``--docs`` also writes the dry-run page to
``docs/import-wizard.png``. The database is a new empty one in a temporary folder.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SAMPLES = ROOT / "tests" / "data" / "samples"
SIZE = (1280, 720)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", nargs="+", default=["spreadsheet/pipeline.xlsx"],
                        help="sample files (relative to tests/data/samples) imported together")
    parser.add_argument("--lang", default="ru", choices=("ru", "en"))
    parser.add_argument("--out", default=str(Path(tempfile.gettempdir()) / "voronka-import-shots"))
    parser.add_argument("--docs", action="store_true", help="also write docs/import-wizard.png")
    args = parser.parse_args(argv)

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from voronka.views.theme import theme_manager

    theme_manager().apply("light")  # the app's own look (Fusion, palette, style sheet), as the docs show it
    from voronka.views.i18n import install_language
    from voronka.models.db import open_database
    from voronka.views.app_context import AppContext
    from voronka.views.importing.wizard import ImportWizard

    install_language(args.lang)
    work = Path(tempfile.mkdtemp())
    db = open_database(work / "voronka.db", language=args.lang)
    ctx = AppContext(db, QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat), args.lang)
    wizard = ImportWizard(ctx)
    wizard.resize(*SIZE)
    wizard.show()

    def settle(timeout_s: float = 120) -> None:
        end = time.monotonic() + timeout_s
        while time.monotonic() < end:
            app.processEvents()
            busy = (wizard.task is not None and wizard.task.running) or wizard.files_page.reading()
            if not busy:
                for _ in range(20):
                    app.processEvents()
                return
            time.sleep(0.02)
        raise TimeoutError("the wizard did not finish its background work in time")

    wizard.files_page.add_files([SAMPLES / s for s in args.sample])
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    tag = Path(args.sample[0]).parent.name or Path(args.sample[0]).stem
    for n in range(ImportWizard.DONE + 1):
        settle()
        path = out / f"{tag}-{n}.png"
        wizard.grab().save(str(path))
        print(path)
        if n == ImportWizard.DRY_RUN and args.docs:
            shutil.copy(path, ROOT / "docs" / "import-wizard.png")
        if n == ImportWizard.DONE or not wizard.currentPage().isComplete():
            break
        wizard.next()
        if n == ImportWizard.DRY_RUN:  # the import itself
            end = time.monotonic() + 300
            while wizard.currentId() != ImportWizard.DONE and time.monotonic() < end:
                app.processEvents()
                time.sleep(0.02)
    db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
