"""Roles read the same in every screen of the Russian UI: the import wizard's people page says
what Settings → Team says, SDR and AE keep their jargon with the Russian meaning as a tooltip."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from voronka.views.errors import set_ui_language


@pytest.fixture
def russian(qapp):
    from voronka.views.i18n import install_language

    install_language("ru")
    set_ui_language("ru")
    yield
    install_language("en")
    set_ui_language("en")


def test_the_import_wizard_names_roles_as_settings_does_in_russian(russian, qtbot):
    from voronka.views.importing.people_page import ROLES, PeoplePage
    from voronka.views.roles import role_meaning, role_name

    page = PeoplePage.__new__(PeoplePage)  # only the role words are under test: no session needed
    names = [PeoplePage.role_name(page, r) for r in ROLES]
    assert names == [role_name(r) for r in ROLES]
    assert "AE" in names and "SDR" in names
    assert "Руководитель отдела продаж" in names
    assert not any(n.startswith(("Account", "Customer", "Head", "Lead")) for n in names)
    assert role_meaning("sdr").startswith("SDR — специалист первого контакта")
    assert role_meaning("ae").startswith("AE — менеджер")


def test_the_people_page_role_box_carries_the_meaning_of_sdr_and_ae(russian, qtbot, db, tmp_path):
    from PySide6.QtCore import QSettings

    from voronka.views.app_context import AppContext
    from voronka.views.importing.wizard import ImportWizard
    from voronka.views.roles import role_meaning

    ctx = AppContext(db, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), language="ru")
    wizard = ImportWizard(ctx)
    qtbot.addWidget(wizard)
    box = wizard.people_page.role
    tips = {box.itemData(i): box.itemData(i, Qt.ItemDataRole.ToolTipRole) for i in range(box.count())}
    assert tips["sdr"] == role_meaning("sdr") and tips["ae"] == role_meaning("ae")
    texts = [box.itemText(i) for i in range(box.count())]
    assert "Менеджер по продажам (AE)" not in texts and "AE" in texts


def test_head_of_sales_is_one_phrase_in_every_russian_text():
    import json
    import xml.etree.ElementTree as ET
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "resources" / "translations"
    short = [("".join(m.find("translation").itertext()))
             for ts in root.glob("*_ru.ts") for m in ET.parse(ts).getroot().iter("message")
             if "руководитель продаж" in "".join(m.find("translation").itertext()).lower()]
    assert not short, short
    assert json.loads((root / "src" / "glossary.json").read_text("utf-8"))["terms"]["head of sales"]["ru"] == \
        "руководитель отдела продаж"
