"""When and how long to wait before sending a request again.

A request is retried at most ``max_retries`` times, and only when its body can be sent
again (bytes or nothing; a file object or other stream is sent once). The wait is the
answer's ``Retry-After`` (seconds or an HTTP date), else an exponential backoff with
jitter; no single wait is longer than :data:`MAX_RETRY_WAIT`.

A 429 says the service did not act on the request, so any request is sent again. A 503
or 504, or a connection that failed after the request may have reached the service (a
read timeout, a dropped connection), says nothing of the sort: sending a ``POST`` again
could send a mail twice, so only idempotent methods are retried then, unless the caller
opts in (``retry_non_idempotent=True``). A connection never made (refused, DNS) sent
nothing and is retried whatever the method. An error raised before sending (a header
httpx refuses, :class:`httpx.LocalProtocolError`) would fail the same way every time and
is never retried.
"""

from __future__ import annotations

import random
import time
from datetime import timezone
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import httpx

DEFAULT_MAX_RETRIES = 3
MAX_RETRY_WAIT = 60.0  # seconds: the cap on any single wait, Retry-After included
INITIAL_BACKOFF = 0.5  # seconds before the first retry when the service names no wait
MAX_BACKOFF = 8.0
RETRY_STATUSES = frozenset({429, 503, 504})
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` value (delay seconds or an HTTP date).

    ``None`` when the value is missing or unusable; a date in the past gives ``0``.
    """
    if value is None:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        from email.utils import parsedate_to_datetime  # rarely needed: imported on use

        try:
            moment = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if moment.tzinfo is None:  # "-0000": UTC without a stated zone
            moment = moment.replace(tzinfo=timezone.utc)
        seconds = max(0.0, moment.timestamp() - (time.time() if now is None else now))
    if seconds != seconds or seconds < 0 or seconds == float("inf"):
        return None
    return float(seconds)


def backoff(attempt: int) -> float:
    """The wait before retry ``attempt`` (0-based) when the service names none, with jitter."""
    base = min(MAX_BACKOFF, INITIAL_BACKOFF * 2.0**attempt)
    jitter: float = random.random()
    return base * (1 - 0.25 * jitter)


def status_wait(
    response: httpx.Response, attempt: int, method: str = "GET", any_method: bool = False
) -> float | None:
    """The wait before retrying after this answer, or ``None`` when it is not retried."""
    status = response.status_code
    if status not in RETRY_STATUSES:
        return None
    if status != 429 and not any_method and method.upper() not in IDEMPOTENT_METHODS:
        return None
    wait = parse_retry_after(response.headers.get("retry-after"))
    return min(MAX_RETRY_WAIT, backoff(attempt) if wait is None else wait)


def error_wait(
    error: httpx.TransportError, method: str, attempt: int, any_method: bool = False
) -> float | None:
    """The wait before retrying after a connection error, or ``None`` when it is not retried."""
    import httpx

    if isinstance(error, httpx.LocalProtocolError):  # refused here: the same every time
        return None
    # Failures before anything reached the service: safe to retry whatever the method.
    not_sent = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
    if isinstance(error, not_sent) or any_method or method.upper() in IDEMPOTENT_METHODS:
        return min(MAX_RETRY_WAIT, backoff(attempt))
    return None


def sleep(seconds: float) -> None:
    time.sleep(seconds)


async def asleep(seconds: float) -> None:
    import asyncio

    await asyncio.sleep(seconds)
