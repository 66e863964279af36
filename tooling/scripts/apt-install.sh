#!/bin/sh
# Installs Debian packages for the test scripts. Several installers may run at once (the
# Prometheus test beside the browser suites' Chromium, or a second checkout on the same
# machine), so each waits for apt's locks instead of failing on them.
#   apt-install.sh [apt-get install option...] PACKAGE...
set -e
apt-get -o DPkg::Lock::Timeout=600 update -qq
DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq "$@" >/dev/null
