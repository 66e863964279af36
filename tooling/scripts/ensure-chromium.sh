#!/bin/sh
# The browser tests drive Debian's Chromium (never a downloaded browser) and need CJK
# fonts to render Chinese. Install both when missing.
set -e
if [ -x /usr/bin/chromium ] && fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then exit 0; fi
if [ "$(id -u)" != "0" ]; then
  echo "The browser tests need Chromium and CJK fonts: run 'sudo apt-get install -y chromium fonts-noto-cjk'" >&2
  exit 1
fi
echo "Installing Chromium and CJK fonts (apt-get)..."
sh "$(dirname "$0")/apt-install.sh" chromium fonts-noto-cjk
