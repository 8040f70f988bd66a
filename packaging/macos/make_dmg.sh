#!/bin/sh
# Wraps the .app that `python packaging/build.py` builds on macOS into a drag-to-Applications .dmg.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
version=$(python -c "from importlib.metadata import version; print(version('voronka'))")
stage=$(mktemp -d)
cp -R "$root/build/dist/Voronka.app" "$stage/"
ln -s /Applications "$stage/Applications"
mkdir -p "$root/dist"
hdiutil create -volname Voronka -srcfolder "$stage" -ov -format UDZO "$root/dist/voronka-$version-macos.dmg"
