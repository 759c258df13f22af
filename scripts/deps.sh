#!/usr/bin/env bash
# Installs the Debian 12 packages orbit needs to build and test, if missing.
# Needs root (or sudo) only when something is missing.
set -euo pipefail
packages=(build-essential cmake pkg-config clang libclang-rt-14-dev libomp-dev
          libfyaml-dev libcjson-dev libcmocka-dev libsqlite3-dev libpcre2-dev
          libxml2-dev strace)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "orbit: installing ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
