"""A small fake of the Telegram Bot API on 127.0.0.1, spoken to by the real aiogram client.

It answers with the Bot API's real JSON shapes (`{"ok": true, "result": ...}` and the error
shape with `error_code`, `description` and `parameters.retry_after`), records every call, and
can be told to fail: a 429 flood wait, a 403 from a user who blocked the bot, a 500.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

TOKEN = "123456789:AAFakeTokenForTestsOnly-abcdefghijkl"
_JSON_FIELDS = {"reply_markup", "allowed_updates"}
BOT_USER = {"id": 123456789, "is_bot": True, "first_name": "Rollcall", "username": "rollcall_bot"}


@dataclass
class Call:
    method: str
    params: dict[str, Any]


@dataclass
class FakeTelegram:
    """The server's state: calls received, files it holds, failures it is told to give."""

    calls: list[Call] = field(default_factory=list)
    files: dict[str, tuple[str, bytes]] = field(default_factory=dict)  # file_id -> (path, data)
    blocked_chats: set[int] = field(default_factory=set)
    failures: list[tuple[str, int, dict[str, Any]]] = field(default_factory=list)
    updates: list[dict[str, Any]] = field(default_factory=list)
    base_url: str = ""
    _message_ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1001))

    def fail_next(self, method: str, status: int, *, description: str = "",
                  retry_after: int | None = None) -> None:
        """The next call of `method` gets this error instead of a result."""
        body: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
        if retry_after is not None:
            body["parameters"] = {"retry_after": retry_after}
            body["description"] = description or f"Too Many Requests: retry after {retry_after}"
        self.failures.append((method, status, body))

    def add_file(self, file_id: str, data: bytes, *, path: str = "photos/file_0.jpg") -> None:
        self.files[file_id] = (path, data)

    def calls_of(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method]

    async def _api(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != TOKEN:
            return _error(401, "Unauthorized")
        method = request.match_info["method"]
        params = {k: _maybe_json(v) if k in _JSON_FIELDS else v
                  for k, v in (await request.post()).items() if isinstance(v, str)}
        self.calls.append(Call(method, params))
        for index, (failing, status, body) in enumerate(self.failures):
            if failing.lower() == method.lower():
                del self.failures[index]
                return web.json_response(body, status=status)
        return self._answer(method, params)

    def _answer(self, method: str, params: dict[str, Any]) -> web.Response:
        name = method.lower()
        if name == "sendmessage":
            chat_id = int(params["chat_id"])
            if chat_id in self.blocked_chats:
                return _error(403, "Forbidden: bot was blocked by the user")
            return _ok(self._message(chat_id, params))
        if name == "getfile":
            stored = self.files.get(str(params.get("file_id")))
            if stored is None:
                return _error(400, "Bad Request: invalid file_id")
            path, data = stored
            return _ok({"file_id": params["file_id"], "file_unique_id": "U" + path[-6:],
                        "file_size": len(data), "file_path": path})
        if name == "getupdates":
            offset = int(params.get("offset", 0))
            return _ok([u for u in self.updates if u["update_id"] >= offset])
        if name == "getme":
            return _ok(BOT_USER)
        if name in {"answercallbackquery", "deletewebhook", "setwebhook"}:
            return _ok(True)
        return _error(404, "Not Found")

    def _message(self, chat_id: int, params: dict[str, Any]) -> dict[str, Any]:
        message: dict[str, Any] = {
            "message_id": next(self._message_ids), "date": 1795420800,
            "chat": {"id": chat_id, "type": "private", "first_name": "Test"},
            "from": BOT_USER, "text": params.get("text", ""),
        }
        if "reply_markup" in params:
            message["reply_markup"] = params["reply_markup"]
        return message

    async def _file(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != TOKEN:
            return web.Response(status=401)
        path = request.match_info["path"]
        for stored_path, data in self.files.values():
            if stored_path == path:
                return web.Response(body=data, content_type="image/jpeg")
        return web.Response(status=404)

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_post("/bot{token}/{method}", self._api)
        app.router.add_get("/file/bot{token}/{path:.+}", self._file)
        return app


async def start(fake: FakeTelegram) -> web.AppRunner:
    """Serve `fake` on a free loopback port; its `base_url` is set to where it listens."""
    runner = web.AppRunner(fake.app())
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    fake.base_url = f"http://127.0.0.1:{port}"
    return runner


def _ok(result: Any) -> web.Response:
    return web.json_response({"ok": True, "result": result})


def _error(status: int, description: str) -> web.Response:
    return web.json_response({"ok": False, "error_code": status, "description": description},
                             status=status)


def _maybe_json(value: str) -> Any:
    try:
        return json.loads(value)
    except ValueError:
        return value
