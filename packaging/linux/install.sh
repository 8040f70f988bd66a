#!/bin/sh
# Installs the unpacked Voronka folder for the current user: a `voronka` command in
# ~/.local/bin and a menu entry with its icon. No Python needed.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$HOME/.local/bin" "$HOME/.local/share/applications" "$HOME/.local/share/icons/hicolor/256x256/apps"
ln -sf "$here/voronka/voronka" "$HOME/.local/bin/voronka"
sed "s|^Exec=voronka|Exec=$here/voronka/voronka|" "$here/voronka.desktop" > "$HOME/.local/share/applications/voronka.desktop"
cp "$here/voronka.png" "$HOME/.local/share/icons/hicolor/256x256/apps/voronka.png"
echo "Voronka is installed: find it in the applications menu, or run 'voronka'."
