"""Render the funnel editor's screenshots in ``docs/`` offscreen from a fresh demo database.

    python packaging/funnel_screenshots.py [--lang ru] [--out docs]

``funnel-editor.png``: the main window (1,366×768) on Settings → Funnel, as the head of
sales, with a stage selected; ``funnel-merge-preview.png``: "Merge into the next stage"
prepared from that stage, with what the reports will read afterwards.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "packaging"))

SIZE = (1366, 768)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="ru", choices=("ru", "en"))
    parser.add_argument("--out", default=str(ROOT / "docs"))
    args = parser.parse_args(argv)

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import select

    from screenshots import _settle, stable_renders
    from voronka.views.i18n import install_language
    from voronka.models.db import open_database
    from voronka.models.demo import build_demo
    from voronka.models.orm import User
    from voronka.views.app_context import AppContext
    from voronka.views.main_window import MainWindow

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    import datetime as dt

    with tempfile.TemporaryDirectory() as tmp:
        today = dt.date.today()
        path = stable_renders(today, Path(tmp) / "home")  # 11:00 today, "~/voronka.db": the same picture each run
        app = QApplication.instance() or QApplication([])
        from voronka.views.theme import theme_manager

        theme_manager().apply("light")  # the app's own look (Fusion, palette, style sheet), as the docs show it
        install_language(args.lang)
        db = open_database(path, language=args.lang)
        build_demo(db, deals=2000, seed=1, anchor=today)
        with db.session() as s:
            head = s.scalar(select(User.id).where(User.role == "head_of_sales"))
        ctx = AppContext(db, QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat), args.lang)
        ctx.user_id = head
        window = MainWindow(ctx)
        window.resize(*SIZE)
        window.show()
        window.show_page("settings")
        page = window.page("settings")
        page.show_funnel("sales")
        editor = page.funnel
        _settle(app, lambda: bool(editor.stages.rows) and ctx.executor.idle())
        editor.select_stage("contacts_found")
        _settle(app)
        path = out / "funnel-editor.png"
        if not window.grab().save(str(path)):
            raise OSError(f"could not write {path}")
        print(path)
        editor.prepare_change("merge_next")
        dialog = editor.dialog
        _settle(app, lambda: dialog.preview is not None)
        path = out / "funnel-merge-preview.png"
        if not dialog.grab().save(str(path)):
            raise OSError(f"could not write {path}")
        print(path)
        dialog.reject()
        window.close()
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
