#!/usr/bin/env bash
# Install the Debian packages the test suite needs beyond Python: espeak-ng (the live coach's
# voice, and the speech test that writes a WAV file) and sox (to measure or convert that sound);
# WeasyPrint's libraries and fonts for the therapist's PDF report (libharfbuzz-subset0 too: without
# it WeasyPrint warns at import) and poppler-utils (pdftoppm, pdftotext, pdfinfo: the report tests).
# Then fetch Garmin's published TCX schema (the TCX export tests validate against it) from
# Debian's pytrainer package, without installing pytrainer, to $TCX_SCHEMA_DIR.
# nginx: the clinic stack tests (tests/deploy/) run it as a child process with its own prefix;
# its system service is never started by them.
# Idempotent: packages already present and a schema already in place are left alone;
# `apt-get update` runs only when an install or download fails (a fresh image may have no
# package lists yet).
set -euo pipefail

PACKAGES=(espeak-ng sox chromium wrk nginx libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
  fonts-dejavu-core poppler-utils)
TCX_SCHEMA_DIR=/usr/local/share/retrowalk/schemas
TCX_SCHEMA=GarminTrainingCenterDatabase_v2.xsd

if [ "$(id -u)" -ne 0 ]; then
  SUDO=sudo
else
  SUDO=
fi
export DEBIAN_FRONTEND=noninteractive

install_packages() {
  local missing=()
  for package in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$package")
    fi
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    echo "system packages: all present (${PACKAGES[*]})"
    return
  fi
  echo "system packages: installing ${missing[*]}"
  if ! $SUDO apt-get install -y --no-install-recommends "${missing[@]}"; then
    $SUDO apt-get update
    $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
  fi
}

fetch_tcx_schema() {
  if [ -s "$TCX_SCHEMA_DIR/$TCX_SCHEMA" ]; then
    echo "TCX schema: present ($TCX_SCHEMA_DIR/$TCX_SCHEMA)"
    return
  fi
  local work
  work=$(mktemp -d)
  chmod a+rwx "$work"  # apt downloads as its own user (_apt), which must write here
  # `apt-get download` writes the .deb into the current folder; nothing is installed.
  if ! (cd "$work" && apt-get download pytrainer); then
    $SUDO apt-get update
    (cd "$work" && apt-get download pytrainer)
  fi
  dpkg-deb -x "$work"/pytrainer_*.deb "$work/extracted"
  $SUDO mkdir -p "$TCX_SCHEMA_DIR"
  $SUDO cp "$work/extracted/usr/share/pytrainer/schemas/$TCX_SCHEMA" "$TCX_SCHEMA_DIR/"
  rm -rf "$work"
  echo "TCX schema: copied to $TCX_SCHEMA_DIR/$TCX_SCHEMA"
}

install_packages
fetch_tcx_schema
