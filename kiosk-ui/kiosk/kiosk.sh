#!/bin/sh
# Opens the resident touchscreen full screen in Chromium's kiosk mode, with the camera allowed.
#
#   kiosk.sh [URL]        default: $KIOSK_URL or http://localhost:3000
#
# Environment (all optional):
#   CHROMIUM_PATH       the browser (default: chromium, chromium-browser or google-chrome on PATH)
#   KIOSK_PROFILE_DIR   the browser profile kept between starts (default: ~/.config/points-kiosk-browser)
#   KIOSK_WAIT_SECONDS  how long to wait for the server before opening anyway (default: 120)
set -eu

URL="${1:-${KIOSK_URL:-http://localhost:3000}}"
URL="${URL%/}"
CHROMIUM="${CHROMIUM_PATH:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}"
PROFILE="${KIOSK_PROFILE_DIR:-${HOME:-/tmp}/.config/points-kiosk-browser}"
WAIT="${KIOSK_WAIT_SECONDS:-120}"

if [ -z "$CHROMIUM" ]; then
  echo "kiosk.sh: Chromium not found; install it (apt-get install chromium) or set CHROMIUM_PATH" >&2
  exit 1
fi

# Wait for the kiosk server, so the screen never starts on a browser error page.
waited=0
until curl -fsS -o /dev/null "$URL/api/health" 2>/dev/null; do
  waited=$((waited + 1))
  if [ "$waited" -ge "$WAIT" ]; then
    echo "kiosk.sh: $URL is not answering after ${WAIT}s; opening anyway" >&2
    break
  fi
  sleep 1
done

# A power cut must not leave a "Chromium didn't shut down correctly" bar on the screen.
mkdir -p "$PROFILE/Default"
if [ -f "$PROFILE/Default/Preferences" ]; then
  sed -i 's/"exited_cleanly":false/"exited_cleanly":true/; s/"exit_type":"[^"]*"/"exit_type":"Normal"/' \
    "$PROFILE/Default/Preferences"
fi

# The camera needs a secure context: https, or http on localhost. A kiosk that opens the server
# over the LAN by plain http must name that origin as trustworthy.
ORIGIN=$(printf '%s' "$URL" | sed -E 's#^(https?://[^/]+).*#\1#')
case "$ORIGIN" in
  http://localhost* | http://127.0.0.1* | https://*) SECURE_ORIGIN= ;;
  *) SECURE_ORIGIN="--unsafely-treat-insecure-origin-as-secure=$ORIGIN" ;;
esac

# shellcheck disable=SC2086 # SECURE_ORIGIN is empty or one word
exec "$CHROMIUM" \
  --kiosk \
  --user-data-dir="$PROFILE" \
  --use-fake-ui-for-media-stream \
  $SECURE_ORIGIN \
  --lang=zh-CN \
  --no-first-run \
  --no-default-browser-check \
  --noerrdialogs \
  --disable-infobars \
  --disable-session-crashed-bubble \
  --disable-translate \
  --disable-features=Translate,TranslateUI,MediaRouter \
  --disable-pinch \
  --overscroll-history-navigation=0 \
  --autoplay-policy=no-user-gesture-required \
  --password-store=basic \
  --check-for-update-interval=31536000 \
  "$URL/"
