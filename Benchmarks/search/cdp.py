"""A small Chrome DevTools Protocol client: headless Chromium driven over its own WebSocket.

Only what measure.py needs: start the browser, open a tab, send commands to it (flat sessions),
wait for events. Needs the `websocket-client` package (pip install websocket-client).
"""

import json
import os
import queue
import shutil
import subprocess
import tempfile
import threading
import time


class CDPError(RuntimeError):
    pass


class Browser:
    """Headless Chromium with a DevTools WebSocket; commands by (method, params, session)."""

    def __init__(self, binary="/usr/bin/chromium", extra_flags=()):
        import websocket  # websocket-client
        self.profile = tempfile.mkdtemp(prefix="hashi-bench-chromium-")
        flags = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-extensions", "--no-first-run", "--no-default-browser-check",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-default-apps", "--mute-audio", "--window-size=412,915",
                 "--remote-debugging-port=0", f"--user-data-dir={self.profile}", *extra_flags, "about:blank"]
        self.proc = subprocess.Popen([binary] + flags, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = os.path.join(self.profile, "DevToolsActivePort")
        deadline = time.monotonic() + 30
        while not (os.path.exists(port_file) and len(open(port_file).read().split("\n")) >= 2):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise CDPError("Chromium did not start (no DevToolsActivePort)")
            time.sleep(0.05)
        port, path = open(port_file).read().split("\n")[:2]
        self.ws = websocket.create_connection(f"ws://127.0.0.1:{port}{path}", timeout=None,
                                              enable_multithread=True, suppress_origin=True)
        self.next_id = 0
        self.lock = threading.Lock()
        self.pending = {}
        self.events = queue.Queue()
        self.handlers = []
        self.closed = False
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        self.version = self.call("Browser.getVersion")

    def _read(self):
        while not self.closed:
            try:
                raw = self.ws.recv()
            except Exception:
                break
            if not raw:
                continue
            msg = json.loads(raw)
            if "id" in msg:
                with self.lock:
                    slot = self.pending.pop(msg["id"], None)
                if slot:
                    slot.put(msg)
            else:
                for handler in list(self.handlers):
                    try:
                        handler(msg)
                    except Exception as e:  # a handler's failure must not stop the reader
                        self.events.put({"method": "bench.handlerError", "params": {"error": repr(e)}})
                self.events.put(msg)

    def send(self, method, params=None, session=None):
        """Sends a command without waiting for its answer; returns the answer's queue."""
        with self.lock:
            self.next_id += 1
            ident = self.next_id
            slot = queue.Queue(maxsize=1)
            self.pending[ident] = slot
        msg = {"id": ident, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        self.ws.send(json.dumps(msg))
        return slot

    def call(self, method, params=None, session=None, timeout=60):
        slot = self.send(method, params, session)
        try:
            msg = slot.get(timeout=timeout)
        except queue.Empty:
            raise CDPError(f"{method}: no answer in {timeout} s")
        if "error" in msg:
            raise CDPError(f"{method}: {msg['error']}")
        return msg.get("result", {})

    def wait_event(self, match, timeout):
        """The first event for which match(msg) is true, within timeout seconds (None if none)."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            try:
                msg = self.events.get(timeout=left)
            except queue.Empty:
                return None
            if match(msg):
                return msg

    def drain_events(self):
        while True:
            try:
                self.events.get_nowait()
            except queue.Empty:
                return

    def new_tab(self):
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        return target, session

    def close_tab(self, target):
        try:
            self.call("Target.closeTarget", {"targetId": target}, timeout=10)
        except CDPError:
            pass

    def evaluate(self, session, expression, timeout=120):
        r = self.call("Runtime.evaluate", {"expression": expression, "awaitPromise": True,
                                           "returnByValue": True}, session, timeout=timeout)
        if "exceptionDetails" in r:
            raise CDPError(f"evaluate: {r['exceptionDetails'].get('exception', {}).get('description') or r['exceptionDetails']}")
        return r.get("result", {}).get("value")

    def close(self):
        self.closed = True
        try:
            self.call("Browser.close", timeout=5)
        except Exception:
            pass
        try:
            self.ws.close()
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        shutil.rmtree(self.profile, ignore_errors=True)
