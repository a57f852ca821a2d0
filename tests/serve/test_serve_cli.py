"""`sitegen serve` as a user runs it: a subprocess on a free port, stopped with Ctrl-C."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import write_tree
from tests.serve.helpers import SITE, free_port, request

pytestmark = pytest.mark.model


def _start(site: Path, port: int) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "sitegen", "serve", "--port", str(port)],
                            cwd=site, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_serving(proc: subprocess.Popen[str], port: int, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()
        try:
            if request(port, "/__sitegen/status", timeout=2).status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise AssertionError("the server did not come up")


def test_serve_cli_ctrl_c_stops_cleanly(tmp_path: Path) -> None:
    site, port = write_tree(tmp_path, SITE), free_port()
    proc = _start(site, port)
    try:
        _wait_serving(proc, port)
        assert "Budget vote delayed" in request(port, "/").text
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=20)
    finally:
        proc.kill()
    assert proc.returncode == 0, err
    assert "Traceback" not in err, err
    assert f"http://127.0.0.1:{port}/" in err
    with pytest.raises(OSError):
        request(port, "/", timeout=2)


def test_serve_cli_port_in_use_is_one_line_and_exit_1(tmp_path: Path) -> None:
    site = write_tree(tmp_path, SITE)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        proc = _start(site, port)
        _, err = proc.communicate(timeout=60)
    assert proc.returncode == 1
    assert err.strip().splitlines() == [
        f"error: port {port} on 127.0.0.1 is already in use; "
        "stop the other server or choose another with --port"]
