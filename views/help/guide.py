"""Help → User guide: the guide in the UI language (``docs/guide/<lang>/``, shipped with the
package), rendered from its Markdown in a small browser window whose links between the
guide's pages work; links to the web open in the system browser."""
from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from voronka.resources.guide import guide_page

from ..icons import set_icon


class GuideWindow(QWidget):
    """A top-level window showing the user guide."""

    def __init__(self, language: str, parent: QWidget | None = None):
        from PySide6.QtCore import Qt

        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("guideWindow")
        self.setWindowTitle(self.tr("Voronka — user guide"))
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)  # _on_link: guide pages here, the web in the browser
        self.browser.anchorClicked.connect(self._on_link)
        self.back = set_icon(QPushButton(self.tr("Back"), self), "previous")
        self.back.clicked.connect(self.browser.backward)
        self.browser.backwardAvailable.connect(self.back.setEnabled)
        self.back.setEnabled(False)
        self.home = QPushButton(self.tr("Contents"), self)
        self.home.clicked.connect(self.browser.home)
        top = QHBoxLayout()
        top.addWidget(self.back)
        top.addWidget(self.home)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.browser, 1)
        self.page = guide_page(language)
        if self.page is not None:
            self.browser.setSource(QUrl.fromLocalFile(str(self.page)), QTextDocument.ResourceType.MarkdownResource)
        else:
            self.browser.setPlainText(self.tr("The user guide is not installed with this copy of Voronka."))
        self.resize(860, 720)

    def _on_link(self, url: QUrl) -> None:
        target = self.browser.source().resolved(url)
        if target.isLocalFile() and target.toLocalFile().endswith(".md"):
            if target.toLocalFile() == self.browser.source().toLocalFile():  # a heading on this page
                self.browser.scrollToAnchor(target.fragment())
            else:
                self.browser.setSource(target, QTextDocument.ResourceType.MarkdownResource)
            return
        QDesktopServices.openUrl(target)  # the web, e-mail, a file that is not part of the guide

    def text(self) -> str:
        return self.browser.toPlainText()


def show_guide(parent: QWidget | None, language: str) -> GuideWindow:
    """Open (or raise) the guide window."""
    window = parent.window() if parent is not None else None
    existing = window.findChild(GuideWindow, "guideWindow") if window is not None else None
    guide = existing or GuideWindow(language, window)
    guide.show()
    guide.raise_()
    guide.activateWindow()
    return guide
