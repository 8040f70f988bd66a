"""Build Voronka as a self-contained application (PyInstaller), and smoke-test it.

    python packaging/build.py            # build/dist/voronka (+ dist/voronka-<v>-linux-x86_64.tar.gz on Linux)
    python packaging/build.py --check    # build, then run the bundle: --version, demo, report json|xlsx|pdf,
                                         # and the window offscreen for a few seconds; prints size and cold start

The Windows installer (.exe, Inno Setup) and the macOS .dmg are made from the same bundle on
their own runners (.github/workflows/installers.yml); see packaging/README.md.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build"
DIST = ROOT / "dist"
BUNDLE = BUILD / "dist" / "voronka"
ICON_PNG = ROOT / "resources" / "icons" / "voronka.png"


def version() -> str:
    from importlib.metadata import version as dist_version

    return dist_version("voronka")


def make_platform_icons() -> None:
    """The .ico (Windows) and .icns (macOS) icons, converted from the bundled PNG by Qt's image plugins."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication, QImage

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 — image plugins need an app
    image = QImage(str(ICON_PNG))
    targets = {"win32": ROOT / "packaging" / "windows" / "voronka.ico",
               "darwin": ROOT / "packaging" / "macos" / "voronka.icns"}
    target = targets.get(sys.platform)
    if target is not None and not image.save(str(target)):
        raise SystemExit(f"cannot write the icon {target}")


def stage_package() -> Path:
    """The project installed (not editable) into ``build/site``: real ``voronka/models``…
    folders that PyInstaller's module finder can walk (it does not follow the editable
    install's path mapping), with the ``voronka`` metadata ``--version`` reads."""
    site = BUILD / "site"
    shutil.rmtree(site, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
                    "--target", str(site), str(ROOT)], check=True, cwd=ROOT)
    shutil.rmtree(ROOT / "build" / "lib", ignore_errors=True)  # setuptools' own build folder
    return site


def run_pyinstaller() -> None:
    make_platform_icons()
    site = stage_package()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                    "--distpath", str(BUILD / "dist"), "--workpath", str(BUILD / "pyinstaller"),
                    str(ROOT / "packaging" / "voronka.spec")], check=True, cwd=ROOT,
                   env={**os.environ, "VORONKA_STAGE": str(site)})


def linux_archive() -> Path:
    """A .tar.gz of the bundle with a .desktop entry, the icon and a per-user install script."""
    DIST.mkdir(exist_ok=True)
    target = DIST / f"voronka-{version()}-linux-{platform.machine()}.tar.gz"
    top = f"voronka-{version()}"
    with tarfile.open(target, "w:gz") as tar:
        tar.add(BUNDLE, arcname=f"{top}/voronka")
        tar.add(ROOT / "packaging" / "linux" / "voronka.desktop", arcname=f"{top}/voronka.desktop")
        tar.add(ROOT / "packaging" / "linux" / "install.sh", arcname=f"{top}/install.sh")
        tar.add(ICON_PNG, arcname=f"{top}/voronka.png")
    return target


def folder_size_mb(folder: Path) -> float:
    return round(sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 2**20, 1)


def smoke_test(executable: Path) -> dict:
    """Run the frozen command as a user would; raise SystemExit on the first failure."""
    work = Path(tempfile.mkdtemp(prefix="voronka-smoke-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env.update(QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(work / "data"), XDG_CONFIG_HOME=str(work / "config"),
               HOME=str(work))
    db = work / "demo.db"

    def run(*args: str, timeout: float = 300) -> tuple[subprocess.CompletedProcess, float]:
        started = time.perf_counter()
        done = subprocess.run([str(executable), *args], capture_output=True, text=True, env=env, timeout=timeout,
                              cwd=work)
        elapsed = time.perf_counter() - started
        if done.returncode != 0 or "Traceback" in done.stderr:
            raise SystemExit(f"bundle smoke test failed: voronka {' '.join(args)} (exit {done.returncode})\n"
                             f"{done.stdout[-2000:]}\n{done.stderr[-4000:]}")
        return done, elapsed

    done, cold_version_s = run("--version")
    assert done.stdout.startswith("voronka "), done.stdout
    run("demo", "--db", str(db), "--deals", "400")
    period = json.loads(run("report", "--db", str(db), "--period", time.strftime("%Y-%m"), "--format", "json",
                            "--out", "-")[0].stdout)["period"]["label"]
    for fmt in ("xlsx", "pdf"):
        out = work / f"report.{fmt}"
        run("report", "--db", str(db), "--period", period, "--format", fmt, "--out", str(out))
        if out.stat().st_size == 0:
            raise SystemExit(f"bundle smoke test failed: the {fmt} report is empty")
    _, window_s = run("--db", str(db), "--lang", "ru", "--quit-after", "3", timeout=120)
    shutil.rmtree(work, ignore_errors=True)
    return {"cold_start_version_s": round(cold_version_s, 2), "window_open_and_3s_s": round(window_s, 2)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="smoke-test the bundle after building it")
    parser.add_argument("--no-build", action="store_true", help="only smoke-test an existing bundle")
    args = parser.parse_args(argv)
    if not args.no_build:
        started = time.perf_counter()
        run_pyinstaller()
        print(f"built {BUNDLE} in {time.perf_counter() - started:.0f} s")
        if sys.platform.startswith("linux"):
            print(f"archive {linux_archive()}")
    figures = {"bundle_mb": folder_size_mb(BUNDLE)}
    if args.check:
        executable = BUNDLE / ("voronka.exe" if sys.platform == "win32" else "voronka")
        figures.update(smoke_test(executable))
        print("smoke test passed")
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
