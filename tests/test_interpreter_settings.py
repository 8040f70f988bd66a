"""The main window sets the interpreter up so threads never hold the window: a short switch
interval (the UI thread gets the interpreter back within 0.1 ms) and a frozen start-up heap
(a full garbage collection walks only what was made since)."""
from __future__ import annotations

import gc
import sys

from report_helpers import build_demo_db, make_ctx


def test_the_main_window_shortens_the_switch_interval_and_freezes_the_start_up_heap(qtbot, tmp_path, monkeypatch):
    import voronka.views.interpreter as interpreter
    from voronka.views.main_window import MainWindow

    monkeypatch.setattr(interpreter, "_settled", False)  # another test's window may have frozen it already
    frozen = []
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(True))
    old_interval = sys.getswitchinterval()
    sys.setswitchinterval(0.005)
    try:
        db = build_demo_db(tmp_path, deals=30)
        win = MainWindow(make_ctx(db, tmp_path, 1))
        qtbot.addWidget(win)
        assert abs(sys.getswitchinterval() - interpreter.SWITCH_INTERVAL_S) < 1e-6  # kept in whole microseconds
        assert interpreter.SWITCH_INTERVAL_S <= 0.0001
        assert frozen == [True]
        MainWindow(make_ctx(db, tmp_path, 1)).deleteLater()  # a second window: frozen once per process
        assert frozen == [True]
    finally:
        sys.setswitchinterval(old_interval)
