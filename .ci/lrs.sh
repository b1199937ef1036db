#!/usr/bin/env bash
# Source me from .ci/run: a real xAPI LRS (ralph, file backend) on 127.0.0.1 for the
# integration tests. ralph pins importlib-metadata<8.6, so it lives in its own venv.
# Exports XAPI_TEST_LRS_URL (and what the tests need to stop and restart it).
_lrs_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_lrs_venv="$_lrs_root/.lrs-venv"
if [ ! -x "$_lrs_venv/bin/ralph" ]; then
  echo "Installing ralph (xAPI LRS) into .lrs-venv..."
  python3 -m venv "$_lrs_venv"
  "$_lrs_venv/bin/pip" install -q "ralph-malph[lrs,cli]==5.1.0" "requests==2.34.2"
fi
_lrs_dir="$(mktemp -d /tmp/studyhall-lrs.XXXXXX)"
export RALPH_APP_DIR="$_lrs_dir/app" RALPH_RUNSERVER_BACKEND=fs
export XAPI_TEST_LRS_USERNAME=lrs XAPI_TEST_LRS_PASSWORD="lrs-$RANDOM$RANDOM"
"$_lrs_venv/bin/ralph" auth -u "$XAPI_TEST_LRS_USERNAME" -p "$XAPI_TEST_LRS_PASSWORD" -s all \
  -M mailto:lrs@example.org -w >/dev/null 2>&1
_lrs_port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
export XAPI_TEST_LRS_PYTHON="$_lrs_venv/bin/python" XAPI_TEST_LRS_DATA="$_lrs_dir/data"
export XAPI_TEST_LRS_PORT="$_lrs_port" XAPI_TEST_LRS_URL="http://127.0.0.1:$_lrs_port/xAPI"
mkdir -p "$XAPI_TEST_LRS_DATA"
# ralph's app as `ralph runserver -b fs` serves it (see .ci/ralph_lrs.py for the one difference)
"$XAPI_TEST_LRS_PYTHON" "$_lrs_root/.ci/ralph_lrs.py" "$XAPI_TEST_LRS_DATA" "$_lrs_port" \
  >"$_lrs_dir/server.log" 2>&1 &
export XAPI_TEST_LRS_PID=$!
python3 - <<'PY'
import os, socket, time
for _ in range(100):  # up in about 2 s
    try:
        socket.create_connection(("127.0.0.1", int(os.environ["XAPI_TEST_LRS_PORT"])), 1).close()
        break
    except OSError:
        time.sleep(0.2)
PY
echo "xAPI LRS (ralph) on $XAPI_TEST_LRS_URL, pid $XAPI_TEST_LRS_PID"
