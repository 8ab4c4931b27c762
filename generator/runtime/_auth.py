"""Where the bearer token comes from: a string, a callable, or an azure-identity credential.

The token is never part of any ``repr``, log record or exception message.
"""

from __future__ import annotations

import threading
import time
from typing import Any, Awaitable, Callable, Sequence, Union, cast

DEFAULT_SCOPES = ("https://graph.microsoft.com/.default",)
TOKEN_REFRESH_MARGIN = 300  # seconds before expiry at which a cached credential token is renewed

Token = Union[str, Callable[[], Union[str, Awaitable[str]]]]


class TokenSource:
    """A static token, a callable returning one, or a credential (``get_token(*scopes)``).

    A credential's token (``.token``, ``.expires_on``) is cached until
    ``TOKEN_REFRESH_MARGIN`` seconds before it expires; a callable is asked on every
    request (it does its own caching). ``get``/``aget`` serve the sync and async clients;
    ``aget`` awaits what a callable or an async credential returns.
    """

    __slots__ = ("_token", "_credential", "_scopes", "_cached", "_lock", "_alock")

    def __init__(self, token: Token | None, credential: Any, scopes: Sequence[str]) -> None:
        if (token is None) == (credential is None):
            raise TypeError("give exactly one of token= or credential=")
        if credential is not None and not hasattr(credential, "get_token"):
            raise TypeError("credential= needs a get_token(*scopes) method")
        self._token = token
        self._credential = credential
        self._scopes = tuple(scopes)
        self._cached: tuple[str, float] | None = None
        self._lock = threading.Lock()
        self._alock: Any = None

    def __repr__(self) -> str:
        return "<token source>"

    def _fresh(self) -> str | None:
        cached = self._cached
        if cached is not None and cached[1] - TOKEN_REFRESH_MARGIN > time.time():
            return cached[0]
        return None

    def _store(self, access: Any) -> str:
        token = str(access.token)
        expires_on = float(getattr(access, "expires_on", 0) or 0)
        self._cached = (token, expires_on) if expires_on else None
        return token

    def get(self, *, refresh: bool = False) -> str:
        """The token to send now; ``refresh`` bypasses the cache (after a 401)."""
        if self._credential is None:
            token = self._token
            return str(token() if callable(token) else token)
        with self._lock:
            token = None if refresh else self._fresh()
            return token or self._store(self._credential.get_token(*self._scopes))

    async def aget(self, *, refresh: bool = False) -> str:
        """:meth:`get` for the async client: async callables and credentials are awaited."""
        if self._credential is None:
            given = self._token
            value: object = given() if callable(given) else given
            if hasattr(value, "__await__"):  # (not inspect: importing it costs the package)
                value = await cast(Awaitable[object], value)
            return str(value)
        if self._alock is None:
            import asyncio

            self._alock = asyncio.Lock()
        async with self._alock:
            token = None if refresh else self._fresh()
            if token:
                return token
            access = self._credential.get_token(*self._scopes)
            if hasattr(access, "__await__"):
                access = await access
            return self._store(access)
