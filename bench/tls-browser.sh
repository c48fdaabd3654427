#!/bin/sh
# The scripted browser of the bench's TLS runs (bench/run.mjs): test/emulator/approve-browser.mjs,
# trusting the bench proxy's certificate as a browser trusts a real endpoint's.
NODE_EXTRA_CA_CERTS="$BENCH_TLS_CA" exec node "$(dirname "$0")/../test/emulator/approve-browser.mjs" "$@"
