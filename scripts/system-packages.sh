#!/usr/bin/env bash
# Install the Debian packages the test suite needs beyond Python: espeak-ng (the live coach's
# voice, and the speech test that writes a WAV file) and sox (to measure or convert that sound);
# WeasyPrint's libraries and fonts for the therapist's PDF report (libharfbuzz-subset0 too: without
# it WeasyPrint warns at import) and poppler-utils (pdftoppm, pdftotext, pdfinfo: the report tests).
# Idempotent: packages already present are left alone; `apt-get update` runs only when an install
# fails (a fresh image may have no package lists yet).
set -euo pipefail

PACKAGES=(espeak-ng sox chromium wrk libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
  fonts-dejavu-core poppler-utils)

missing=()
for package in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "system packages: all present (${PACKAGES[*]})"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  SUDO=sudo
else
  SUDO=
fi

export DEBIAN_FRONTEND=noninteractive
echo "system packages: installing ${missing[*]}"
if ! $SUDO apt-get install -y --no-install-recommends "${missing[@]}"; then
  $SUDO apt-get update
  $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
fi
