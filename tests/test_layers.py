"""The layers of docs/architecture.md hold by construction: import-linter checks the contracts in
pyproject.toml (``[tool.importlinter]``) against the installed package, and its report is the
failure message."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINT = "import sys; from importlinter.cli import lint_imports_command; sys.exit(lint_imports_command())"


def lint(config: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", LINT, "--config", str(config), "--no-cache"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_the_layer_contracts_are_kept():
    result = lint(ROOT / "pyproject.toml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_a_view_importing_the_orm_breaks_a_contract(tmp_path):
    """The contracts have teeth: a views module that imported the ORM would fail the test above."""
    config = (ROOT / "pyproject.toml").read_text("utf-8")
    broken = config.replace('forbidden_modules = ["sqlalchemy", "alembic", "voronka.models.orm"]',
                            'forbidden_modules = ["sqlalchemy", "alembic", "voronka.models.orm", "voronka.models.queries"]')
    assert broken != config
    path = tmp_path / "pyproject.toml"
    path.write_text(broken, "utf-8")
    result = lint(path)
    assert result.returncode != 0
    assert "voronka.views is not allowed to import voronka.models.queries" in result.stdout
