#!/bin/sh
# A real Prometheus for the metrics tests: installs Debian's `prometheus` package when absent
# (as root, like ensure-postgres.sh), then, given a config, starts one on 127.0.0.1:PORT with
# its data in DIR and prints its pid once it answers. The caller stops it (kill PID).
#   ensure-prometheus.sh                      install only
#   ensure-prometheus.sh CONFIG PORT DIR      install if needed, start, wait until ready
set -e
if ! command -v prometheus >/dev/null 2>&1; then
  if [ "$(id -u)" != "0" ]; then
    echo "Prometheus is not installed: 'sudo apt-get install -y prometheus'" >&2
    exit 1
  fi
  echo "Installing Prometheus (apt-get)..." >&2
  sh "$(dirname "$0")/apt-install.sh" --no-install-recommends prometheus
  # The package starts a system service where there is an init; the tests run their own.
  (command -v systemctl >/dev/null 2>&1 && systemctl stop prometheus) >/dev/null 2>&1 || true
fi
[ $# -eq 0 ] && exit 0
config=$1 port=$2 dir=$3
mkdir -p "$dir"
prometheus --config.file="$config" --web.listen-address="127.0.0.1:$port" \
  --storage.tsdb.path="$dir" --log.level=warn >"$dir/prometheus.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do
  if curl -fsS "http://127.0.0.1:$port/-/ready" >/dev/null 2>&1; then echo "$pid"; exit 0; fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.2
done
cat "$dir/prometheus.log" >&2
kill "$pid" 2>/dev/null || true
exit 1
