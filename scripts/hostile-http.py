#!/usr/bin/env python3
"""Hostile HTTP clients against a running safa-bot: the figures for issue 16, part 1.

Starts BINARY (`safa-bot run`, Telegram webhook mode) against a minimal fake Bot API on 127.0.0.1, then:

  slowloris  260 connections from 127.0.0.2 each drip one header line every 5 s; meanwhile /healthz and the
             webhook are asked once a second from 127.0.0.1 (1 s timeout each). Prints how many answered.
  bodies     250 connections from 127.0.0.2-127.0.0.6 (50 each, so a per-IP limit is not what is measured)
             POST 1 MiB bodies to an unknown path, sending all but the last byte, and hold them; prints the
             bot's RSS growth while held and after they close.
  bomb       posts a nested JSON body (500 deep, 500,000 small elements, 1,001,001 bytes) to the officer API
             with a wrong key and a right one, and to the Telegram webhook with the right secret; prints
             status, time, the bot's CPU and peak RSS.

Usage: scripts/hostile-http.py BINARY [slowloris|bodies|bomb ...]   (run from the repository root)
The numbers go to stdout; the bot's log to /tmp/hostile-http-bot.log.
"""
import http.server
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time

BOT_PORT = 18080
FAKE_PORT = 18081
SECRET = "hostile-test-secret"
OFFICER_KEY = "k" * 40


class FakeBotAPI(http.server.BaseHTTPRequestHandler):
    """Answers every Bot API method with ok (getUpdates with nothing, after a pause)."""

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        if self.path.endswith("/getUpdates"):
            time.sleep(1)
            body = {"ok": True, "result": []}
        elif self.path.endswith("/getMe"):
            body = {"ok": True, "result": {"id": 1, "is_bot": True, "first_name": "Safa", "username": "safa_bot"}}
        else:
            body = {"ok": True, "result": True}
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST

    def log_message(self, *args):
        pass


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def peak_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def connect(source="127.0.0.1", timeout=5):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.settimeout(timeout)
    s.bind((source, 0))
    s.connect(("127.0.0.1", BOT_PORT))
    return s


def request(raw, timeout=1.0):
    """Sends one raw request from 127.0.0.1; the status code, or None when no answer came within timeout."""
    try:
        s = connect(timeout=timeout)
        s.sendall(raw)
        data = s.recv(64)
        s.close()
        return int(data.split(b" ")[1]) if data.startswith(b"HTTP/") else None
    except OSError:
        return None


def start_bot(binary, officers):
    directory = tempfile.mkdtemp(prefix="hostile-http-")
    env = dict(os.environ)
    env.update({
        "TELEGRAM_BOT_TOKEN": "123456:hostile-test-token",
        "TELEGRAM_API_BASE_URL": f"http://127.0.0.1:{FAKE_PORT}",
        "TELEGRAM_MODE": "webhook",
        "TELEGRAM_WEBHOOK_URL": "https://bot.example/telegram/webhook",
        "TELEGRAM_WEBHOOK_SECRET": SECRET,
        "SAFA_DB_PATH": os.path.join(directory, "bot.sqlite"),
        "SAFA_HTTP_PORT": str(BOT_PORT),
        "SAFA_OFFICERS_CONFIG": officers,
        "SAFA_HOSTILE_OFFICER_KEY": OFFICER_KEY,
    })
    log = open("/tmp/hostile-http-bot.log", "w")
    bot = subprocess.Popen([binary, "run"], env=env, stdout=log, stderr=log)
    for _ in range(100):
        if request(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n") == 200:
            return bot
        time.sleep(0.1)
    bot.kill()
    sys.exit("the bot did not start; see /tmp/hostile-http-bot.log")


def officers_file():
    """The shipped officers' configuration with one officer's key taken from SAFA_HOSTILE_OFFICER_KEY."""
    with open("config/officers.json") as f:
        config = json.load(f)
    config["officers"][0]["apiKeyEnv"] = "SAFA_HOSTILE_OFFICER_KEY"
    path = os.path.join(tempfile.mkdtemp(prefix="hostile-officers-"), "officers.json")
    with open(path, "w") as f:
        json.dump(config, f)
    return path


HEALTH = b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
WEBHOOK = (b"POST /telegram/webhook HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\n"
           b"X-Telegram-Bot-Api-Secret-Token: " + SECRET.encode() + b"\r\nContent-Length: 2\r\n\r\n{}")


def slowloris(bot):
    held = []
    for _ in range(260):
        try:
            s = connect("127.0.0.2")
            s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
            held.append(s)
        except OSError:
            pass
    health = webhook = 0
    rounds = 30
    for i in range(rounds):
        started = time.time()
        if request(HEALTH) is not None:
            health += 1
        if request(WEBHOOK) is not None:
            webhook += 1
        for s in held:
            try:
                if i % 5 == 0:
                    s.sendall(b"X-Drip: 1\r\n")
            except OSError:
                pass
        time.sleep(max(0, 1 - (time.time() - started)))
    for s in held:
        s.close()
    print(f"slowloris: 260 dripping connections from 127.0.0.2 for {rounds} s: "
          f"/healthz answered {health}/{rounds}, webhook answered {webhook}/{rounds} (1 s timeout each)")


def bodies(bot):
    time.sleep(1)
    before = rss_kib(bot.pid)
    held = []
    body = b"a" * (1 << 20)
    for n in range(250):
        try:
            s = connect(f"127.0.0.{2 + n % 5}")
            s.sendall(b"POST /anything HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                      b"Content-Length: 1048576\r\n\r\n")
            s.settimeout(0.05)
            try:
                s.sendall(body[:-1])
            except OSError:
                pass
            held.append(s)
        except OSError:
            pass
    time.sleep(2)
    during = rss_kib(bot.pid)
    for s in held:
        s.close()
    time.sleep(2)
    after = rss_kib(bot.pid)
    print(f"bodies: 250 unfinished 1 MiB bodies on an unknown path: RSS {before // 1024} MiB -> "
          f"{during // 1024} MiB while held (+{(during - before) // 1024} MiB), {after // 1024} MiB after they closed")


def bomb_body():
    # 500 nested arrays; the innermost holds 500,000 zeros; padded to 1,001,001 bytes.
    inner = ",".join(["0"] * 500_000)
    text = "[" * 500 + inner + "]" * 500
    return (text + " " * max(0, 1_001_001 - len(text))).encode()


def bomb(bot):
    body = bomb_body()
    targets = (
        ("officer API, wrong key", f"/officer/cases/x/notes", f"Authorization: Bearer nope"),
        ("officer API, right key", f"/officer/cases/x/notes", f"Authorization: Bearer {OFFICER_KEY}"),
        ("Telegram webhook, right secret", "/telegram/webhook", f"X-Telegram-Bot-Api-Secret-Token: {SECRET}"),
    )
    for label, path, credential in targets:
        cpu_before = cpu_seconds(bot.pid)
        started = time.time()
        raw = (f"POST {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
               f"{credential}\r\nContent-Type: application/json\r\n"
               f"Content-Length: {len(body)}\r\n\r\n").encode() + body
        status = None
        try:
            s = connect(timeout=120)
            try:
                s.sendall(raw)
            except OSError:
                pass
            data = s.recv(64)
            status = int(data.split(b" ")[1]) if data.startswith(b"HTTP/") else None
            s.close()
        except OSError:
            pass
        print(f"bomb ({label}, {len(body):,} bytes, 500 deep): status {status} after "
              f"{time.time() - started:.2f} s; bot CPU +{cpu_seconds(bot.pid) - cpu_before:.2f} s; "
              f"bot peak RSS so far {peak_kib(bot.pid) // 1024} MiB")


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    binary = sys.argv[1]
    scenarios = sys.argv[2:] or ["slowloris", "bodies", "bomb"]
    fake = http.server.ThreadingHTTPServer(("127.0.0.1", FAKE_PORT), FakeBotAPI)
    threading.Thread(target=fake.serve_forever, daemon=True).start()
    for scenario in scenarios:
        # A fresh bot per scenario, so one does not inherit the other's memory or closed connections.
        bot = start_bot(binary, officers_file())
        try:
            {"slowloris": slowloris, "bodies": bodies, "bomb": bomb}[scenario](bot)
        finally:
            bot.terminate()
            try:
                bot.wait(timeout=15)
            except subprocess.TimeoutExpired:
                bot.kill()
    fake.shutdown()


if __name__ == "__main__":
    main()
