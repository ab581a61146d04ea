"""Sends half a request, has the node told to stop (SIGTERM), then sends the rest: a graceful node answers it."""
import os, signal, socket, sys, time

port, pid = int(sys.argv[1]), int(sys.argv[2])
body = b'{"email":"nobody@example.org","password":"a wrong password here"}'
held = socket.create_connection(("127.0.0.1", port))
held.sendall(b"POST /api/v1/auth/login HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\n"
             b"Content-Length: %d\r\n\r\n" % len(body) + body[:20])
time.sleep(0.5)
os.kill(pid, signal.SIGTERM)
told = time.time()
time.sleep(1.5)
try:
    fresh = socket.create_connection(("127.0.0.1", port), timeout=2)
    fresh.sendall(b"GET /health HTTP/1.1\r\nHost: bench\r\n\r\n")
    print("a new connection after SIGTERM got:", fresh.recv(100).split(b"\r\n")[0].decode())
except OSError as e:
    print("a new connection after SIGTERM:", type(e).__name__, "(the node takes no new work)")
held.sendall(body[20:])
held.settimeout(10)
try:
    status = held.recv(300).split(b"\r\n")[0].decode()
    print("the half-sent request, finished after SIGTERM, was answered:", status, "%.1f s after SIGTERM" % (time.time() - told))
except OSError as e:
    print("the half-sent request got NO answer:", type(e).__name__)
    sys.exit(1)
