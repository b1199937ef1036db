"""Serve ralph's LRS API (file backend) on 127.0.0.1: `ralph_lrs.py DATA_DIR PORT`.

Run with the ralph venv's python. Same app as `ralph runserver -b fs`, without its file-watching
reloader, and with one fix: ralph 5.1's file backend writes every POST in CREATE mode, so the
second write of a session fails ("Statements bulk indexation failed"); here it appends.
"""

import os
import sys

import uvicorn
from ralph.backends.data.base import BaseOperationType
from ralph.backends.data.fs import FSDataBackend

data_dir, port = sys.argv[1], int(sys.argv[2])
os.environ["RALPH_RUNSERVER_BACKEND"] = "fs"
os.environ["RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH"] = data_dir
FSDataBackend.default_operation_type = BaseOperationType.APPEND
uvicorn.run("ralph.api:app", host="127.0.0.1", port=port, log_level="warning")
