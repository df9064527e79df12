#!/usr/bin/env bash
# Installs the Debian packages the tests use, when they are missing: Chromium (Playwright drives
# it in browser mode), PostgreSQL (the team catalogue's tests start their own cluster), and the
# tools tests read files back with. Safe to run again; does nothing when everything is there.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v exiftool >/dev/null 2>&1 || missing+=(libimage-exiftool-perl) # reads our XMP sidecars back in tests
command -v vipsthumbnail >/dev/null 2>&1 || missing+=(libvips-tools) # the baseline of npm run bench:ingest
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui) # opens the DOCX credit list in a test
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils) # reads that test's PDF back
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql) # the team catalogue's tests start a throwaway server
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Please install: ${missing[*]} (needed by the end-to-end tests)" >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "Installing ${missing[*]} with apt-get…"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
