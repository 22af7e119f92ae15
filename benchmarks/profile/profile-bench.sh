#!/usr/bin/env bash
# Profiles `gatekeeper bench` with async-profiler (CPU, 1 ms, per thread) and prints the warm
# gatekeeper passes' CPU per event in the issue's buckets (buckets.py).
#
#   benchmarks/profile/profile-bench.sh OUT_DIR [bench options]   (default --events 300000 --repeats 3)
#
# async-profiler comes from Maven Central (tools.profiler:async-profiler:4.1), its linux-x64
# library unpacked under OUT_DIR. The profile covers the whole JVM; buckets.py keeps the stream
# and producer threads of the warm gatekeeper passes before the last (the last also runs the
# latency and revocation phases). The JVM figures of a profiled run are a few percent higher than
# of a plain one: compare profiled with profiled.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:?usage: profile-bench.sh OUT_DIR [bench options]}"
shift
args=("$@")
[ ${#args[@]} -gt 0 ] || args=(--events 300000 --repeats 3)
mkdir -p "$out"
out="$(cd "$out" && pwd)"

version=4.1
jar="$HOME/.m2/repository/tools/profiler/async-profiler/$version/async-profiler-$version.jar"
[ -f "$jar" ] || mvn -q -B dependency:get -Dartifact="tools.profiler:async-profiler:$version" >&2
lib="$out/async-profiler/linux-x64/libasyncProfiler.so"
[ -f "$lib" ] || (mkdir -p "$out/async-profiler" && cd "$out/async-profiler" && unzip -q -o "$jar" 'linux-x64/*')

events=300000
repeats=3
for ((i = 0; i < ${#args[@]}; i++)); do
  case "${args[$i]}" in
    --events) events="${args[$((i + 1))]}" ;;
    --events=*) events="${args[$i]#--events=}" ;;
    --repeats) repeats="${args[$((i + 1))]}" ;;
    --repeats=*) repeats="${args[$i]#--repeats=}" ;;
  esac
done
if [ "$repeats" -lt 2 ]; then
  echo "profile-bench: give --repeats of at least 2 (the last warm round also runs latency and revocation)" >&2
  exit 2
fi
rounds="$(seq -s, 1 $((repeats - 1)))"

uptime >"$out/load.txt"
GATEKEEPER_JAVA_OPTS="-agentpath:$lib=start,event=cpu,interval=1ms,threads,file=$out/profile.collapsed,collapsed" \
  "$root/gatekeeper" bench "${args[@]}" | tee "$out/bench.txt"
uptime >>"$out/load.txt"
python3 "$root/benchmarks/profile/buckets.py" "$out/profile.collapsed" --events "$events" --rounds "$rounds" --top 30 \
  | tee "$out/buckets.md"
