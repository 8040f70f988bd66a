"""Installs the five top-level folders under one import root: ``desktop/`` becomes
``voronka.desktop``, ``models/`` becomes ``voronka.models`` and so on (a package-directory
mapping), so no other distribution's ``models`` or ``views`` can collide with ours.
The user guide (``docs/guide``) is copied into ``voronka/resources/guide`` on the way, so an
installed or frozen Voronka opens it from Help (``resources/guide.py``).
Everything else about the project is in ``pyproject.toml``."""
import shutil
from pathlib import Path

from setuptools import find_packages, setup
from setuptools.command.build_py import build_py

LAYERS = ("desktop", "models", "views", "metrics", "resources")

packages, package_dir = [], {}
for layer in LAYERS:
    package_dir[f"voronka.{layer}"] = layer
    packages += [f"voronka.{layer}"] + [f"voronka.{layer}.{sub}" for sub in find_packages(layer)]


class BuildWithGuide(build_py):
    """``build_py`` that also ships the user guide as package data of ``voronka.resources``."""

    def run(self):
        super().run()
        source = Path(__file__).resolve().parent / "docs" / "guide"
        target = Path(self.build_lib) / "voronka" / "resources" / "guide"
        if source.is_dir():
            shutil.copytree(source, target, dirs_exist_ok=True)


setup(packages=packages, package_dir=package_dir, cmdclass={"build_py": BuildWithGuide})
