#!/bin/sh
# Put Duiding in this user's application menu and let a double-click on a .duiding file open it.
# Run it from the unpacked folder: ./install.sh   (no root needed; undo with ./uninstall.sh)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
mkdir -p "$data/applications" "$data/mime/packages"
sed "s|@APPDIR@|$here|g" "$here/duiding.desktop" > "$data/applications/duiding.desktop"
cp "$here/duiding-mime.xml" "$data/mime/packages/duiding.xml"
for png in "$here"/icons/duiding-*.png; do
    size=$(basename "$png" .png | sed 's/duiding-//')
    mkdir -p "$data/icons/hicolor/${size}x${size}/apps" "$data/icons/hicolor/${size}x${size}/mimetypes"
    cp "$png" "$data/icons/hicolor/${size}x${size}/apps/duiding.png"
    cp "$png" "$data/icons/hicolor/${size}x${size}/mimetypes/application-x-duiding.png"
done
command -v update-mime-database >/dev/null && update-mime-database "$data/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications" || true
command -v xdg-mime >/dev/null && xdg-mime default duiding.desktop application/x-duiding || true
echo "Duiding staat nu in het menu; .duiding-bestanden openen met Duiding."
