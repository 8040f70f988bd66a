"""Installs the five top-level folders under one import root: ``desktop/`` becomes
``voronka.desktop``, ``models/`` becomes ``voronka.models`` and so on (a package-directory
mapping), so no other distribution's ``models`` or ``views`` can collide with ours.
Everything else about the project is in ``pyproject.toml``."""
from setuptools import find_packages, setup

LAYERS = ("desktop", "models", "views", "metrics", "resources")

packages, package_dir = [], {}
for layer in LAYERS:
    package_dir[f"voronka.{layer}"] = layer
    packages += [f"voronka.{layer}"] + [f"voronka.{layer}.{sub}" for sub in find_packages(layer)]

setup(packages=packages, package_dir=package_dir)
