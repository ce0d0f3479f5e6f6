"""The room's web edge (room/web.py): when a request arrived."""
from __future__ import annotations

import asyncio
import datetime as dt
import time


class Transport(asyncio.Transport):
    """A socket's end as the server's protocol sees it: what the server writes is kept."""

    def __init__(self):
        super().__init__()
        self.written = b""

    def get_extra_info(self, name, default=None):
        return {"peername": ("127.0.0.1", 50000), "sockname": ("127.0.0.1", 8000)}.get(name)

    def write(self, data):
        self.written += data

    def is_closing(self):
        return False

    def close(self):
        pass

    def pause_reading(self):
        pass

    def resume_reading(self):
        pass


def test_a_request_is_stamped_when_its_head_is_read_not_when_the_loop_reaches_it():
    """The event loop busy for 0.3 s between reading a request and running it (a rush):
    the room still sees the time the request was read."""
    from uvicorn.config import Config
    from uvicorn.server import ServerState
    from assembler.room.web import StampArrival, StampedH11
    seen = {}

    async def app(scope, receive, send):
        seen["arrived"], seen["reached"] = scope["state"]["arrived"], dt.datetime.now(dt.timezone.utc)
        await send({"type": "http.response.start", "status": 204, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    async def main():
        config = Config(app=StampArrival(app), http=StampedH11, lifespan="off",
                        log_level="warning")
        protocol = StampedH11(config, ServerState(), {})
        transport = Transport()
        protocol.connection_made(transport)
        read = dt.datetime.now(dt.timezone.utc)
        protocol.data_received(b"POST /drafts/W-01/submit HTTP/1.1\r\nHost: room\r\n"
                               b"Content-Length: 0\r\n\r\n")
        time.sleep(0.3)   # the loop busy elsewhere before it runs the request's task
        for _ in range(50):
            await asyncio.sleep(0.01)
            if b"204" in transport.written:
                break
        return read
    read = asyncio.run(main())
    assert seen["reached"] - read >= dt.timedelta(seconds=0.3)
    assert abs(seen["arrived"] - read) < dt.timedelta(seconds=0.1)
