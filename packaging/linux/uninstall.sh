#!/bin/sh
# Undo install.sh: remove Duiding from this user's menu and file associations.
set -eu
data=${XDG_DATA_HOME:-$HOME/.local/share}
rm -f "$data/applications/duiding.desktop" "$data/mime/packages/duiding.xml"
find "$data/icons/hicolor" \( -name duiding.png -o -name application-x-duiding.png \) -delete 2>/dev/null || true
command -v update-mime-database >/dev/null && update-mime-database "$data/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications" || true
echo "Duiding is uit het menu gehaald (de map zelf kun je nu weggooien)."
