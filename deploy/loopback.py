"""Run deploy/'s servers on loopback for tests and benchmarks: free ports, waiting, stopping."""

import socket
import subprocess
import time


def free_ports(count: int, ports: range) -> list[int]:
    """`count` free loopback ports from `ports` (the range this machine allows)."""
    found = []
    for port in ports:
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
        found.append(port)
        if len(found) == count:
            return found
    raise RuntimeError(f"no {count} free ports in {ports.start}-{ports.stop - 1}")


def wait_for_port(port: int, seconds: float = 30, server: subprocess.Popen | None = None) -> None:
    """Return once something listens on the loopback port; fail early if `server` died."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server is not None and server.poll() is not None:
            raise RuntimeError(f"server exited with {server.returncode}")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError(f"nothing listens on port {port}")


def stop(server: subprocess.Popen) -> None:
    """Stop a server the caller started: terminate, then kill after 10 s."""
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
