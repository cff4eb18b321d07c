#!/usr/bin/env bash
# Smoke test of the frozen Linux app, as a student would get it: unpack the archive into an
# empty folder and run it with no Python on PATH, an empty home and offscreen Qt.
#
#   packaging/smoke.sh [dist/Duiding-<version>-linux-x86_64.tar.gz]   (default: the newest one)
#   SMOKE_DEDUCE=0 packaging/smoke.sh    skip the pseudonymisation step (deduce's first run
#                                        builds its lookup cache: 2-3 minutes)
#
# Steps: start to a visible window (median of 3, target < 3 s); open the demo; import a .docx;
# export the findings chapter; a lemma search (spaCy's blank Dutch pipeline + simplemma); a
# timeline figure (matplotlib); deduce detection; the bundled Dutch translations, codebook, manual and desktop files. Exit 0
# only when every step passed. A .docx to import is written by python-docx from the build venv
# before the app runs; the app itself never sees that Python.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
archive=${1:-$(ls -t dist/Duiding-*-linux-*.tar.gz 2>/dev/null | head -1)}
[ -f "$archive" ] || { echo "smoke: no archive; build one with packaging/build_app.py" >&2; exit 1; }
work=$(mktemp -d /tmp/duiding-smoke.XXXXXX)
trap 'rm -rf "$work"' EXIT
fail() { echo "smoke: FAILED: $*" >&2; exit 1; }
step() { echo "smoke: $*"; }

size_mb=$(( $(stat -c %s "$archive") / 1000000 ))
step "archive $(basename "$archive"): ${size_mb} MB"
tar -xzf "$archive" -C "$work"
app=$(ls -d "$work"/Duiding-*)
step "unpacked: $(du -sm "$app" | cut -f1) MB in $app"

"$REPO/.venv/bin/python" - "$work/interview.docx" <<'PY'
import sys
from docx import Document
doc = Document()
doc.add_paragraph("Interviewer: Hoe kwam u bij de jeugdhulp terecht?")
doc.add_paragraph("Vader: Via de huisarts. Daarna moesten we drie maanden wachten op een intake.")
doc.add_paragraph("Interviewer: Hoe was het contact in die tijd?")
doc.add_paragraph("Vader: Niemand belde ons. Dat wachten was het zwaarste.")
doc.save(sys.argv[1])
PY

# The student's machine: no Python, nothing of this checkout, an empty home.
home="$work/home"
mkdir -p "$home"
cache=${SMOKE_CACHE:-$REPO/build/smoke-cache}   # deduce's cache survives between smoke runs
mkdir -p "$cache"
run() {
    env -i HOME="$home" PATH=/usr/bin:/bin LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
        XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share" \
        XDG_STATE_HOME="$home/.local/state" XDG_CACHE_HOME="$cache" \
        DUIDING_CODER=smoke "$@"
}
cd "$work"

# 1. start to a visible window
times=()
for i in 1 2 3; do
    t0=$(date +%s.%N)
    out=$(run "$app/Duiding" --quit-after-start) || fail "Duiding --quit-after-start exited $?"
    shown=$(sed -n 's/^duiding: window visible at //p' <<<"$out")
    [ -n "$shown" ] || fail "the window was not shown: $out"
    times+=("$(awk -v a="$shown" -v b="$t0" 'BEGIN { printf "%.2f", a - b }')")
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p)
step "start to visible window: ${times[*]} s (median $median s; target < 3 s)"
awk -v m="$median" 'BEGIN { exit !(m < 3) }' || echo "smoke: WARNING: start-up above the 3 s target"

# 2. open the demo in the workbench
run "$app/Duiding" --demo --quit-after-start >/dev/null || fail "the demo did not open"
demo="$home/.local/share/duiding/demo/demo.duiding"
[ -f "$demo" ] || fail "no demo project at $demo"
step "demo opened: $(run "$app/duiding-cli" documents "$demo" --json | grep -c '"name"') documents"

# 3. import a .docx
run "$app/duiding-cli" import "$demo" "$work/interview.docx" --json >/dev/null || fail "import"
run "$app/duiding-cli" documents "$demo" --json | grep -q '"interview.docx"' || fail "docx not listed"
step "imported interview.docx"

# 4. export the findings chapter: first refused in one line (names in transcripts never
#    pseudonymised; this needs the bundled name lexicons), then written with the user's consent
if refused=$(run "$app/duiding-cli" export word "$demo" "$work/hoofdstuk.docx" 2>&1); then
    fail "an unpseudonymised export went out without asking"
fi
grep -q -- "--allow-personal-data" <<<"$refused" || fail "export refusal: $refused"
run "$app/duiding-cli" export word "$demo" "$work/hoofdstuk.docx" --allow-personal-data \
    || fail "export word"
"$REPO/.venv/bin/python" -c 'import sys, zipfile; sys.exit("wachttijd" not in zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode())' "$work/hoofdstuk.docx" || fail "chapter content"
step "exported the chapter: $(stat -c %s "$work/hoofdstuk.docx") bytes"

# 5. NLP: lemma search with the blank Dutch pipeline
hits=$(run "$app/duiding-cli" search "$demo" wachten --lemma --json)
grep -q '"match"' <<<"$hits" || fail "lemma search found nothing: $hits"
grep -q 'wachtten\|wachtte\|wacht' <<<"$hits" || fail "lemma search did not find inflected forms"
step "lemma search 'wachten': $(grep -o '"match"' <<<"$hits" | wc -l) hits"

# 5b. a timeline figure (matplotlib, drawn without Qt)
run "$app/duiding-cli" timeline "$demo" --case G-01 --export "$work/tijdlijn.png" >/dev/null \
    || fail "timeline figure"
[ "$(head -c 4 "$work/tijdlijn.png" | tail -c 3)" = "PNG" ] || fail "timeline figure is no PNG"
step "timeline figure: $(stat -c %s "$work/tijdlijn.png") bytes"

# 6. deduce
if [ "${SMOKE_DEDUCE:-1}" != 0 ]; then
    t0=$(date +%s)
    found=$(run "$app/duiding-cli" pseudonymise "$demo" --detect --json) || fail "deduce detection"
    grep -q "Marieke" <<<"$found" || fail "deduce did not find the name Marieke"
    step "deduce detection: $(( $(date +%s) - t0 )) s (cache in $cache/duiding/deduce)"
fi

# 7. what must be inside
internal="$app/_internal"
for f in resources/translations/duiding_nl.qm resources/translations/qtbase_supplement_nl.qm \
         PySide6/Qt/translations/qtbase_nl.qm resources/codebook_jeugdhulp.json \
         docs/handleiding/index.md deduce/data/lookup; do
    [ -e "$internal/$f" ] || fail "missing in the app: $f"
done
for f in duiding.desktop duiding-mime.xml install.sh icons/duiding-256.png; do
    [ -e "$app/$f" ] || fail "missing beside the app: $f"
done
step "bundled: Dutch translations (ours + qtbase_nl), codebook, manual, deduce data, desktop files"
if ldd "$app/Duiding" | grep -q "libpython"; then fail "the launcher links a system libpython"; fi
echo "smoke: OK"
