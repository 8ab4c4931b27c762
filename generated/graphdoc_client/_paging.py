"""Pages of a collection: list operations return one, and it leads to the rest.

Iterating a page yields every item of the collection, this page's first, then each
following page's, fetched by sending ``@odata.nextLink`` as it is (with the call's
headers and timeout). ``pages()`` yields the pages themselves; the last one of a delta
function carries ``delta_link``. No callbacks: a plain ``for`` or ``async for``.
"""

from __future__ import annotations

from typing import (
    TYPE_CHECKING,
    Any,
    AsyncIterator,
    Awaitable,
    Callable,
    Generator,
    Generic,
    Iterator,
    Mapping,
    TypeVar,
    cast,
)

from ._errors import InvalidResponseError, PagingLoopError

if TYPE_CHECKING:
    import httpx

__all__ = ["AsyncPage", "Page"]

Item = TypeVar("Item")  # one element of ``value``: a JSON object, typed by the operation


class _PageData(Generic[Item]):
    __slots__ = ("_client", "_follow", "body", "response")

    def __init__(
        self,
        client: Any,
        response: httpx.Response,
        body: dict[str, Any],
        follow: Mapping[str, Any],
    ) -> None:
        self._client = client
        self._follow = follow  # what a next-page request repeats: headers, timeout
        self.response = response
        self.body = body  # this page's JSON body, as received

    @property
    def items(self) -> list[Item]:
        """This page's items (``value``)."""
        value = self.body.get("value")
        return cast("list[Item]", value) if isinstance(value, list) else []

    def _link(self, key: str) -> str | None:
        """A link of this page; one that is not a string is an answer not as Graph writes
        it, raised as such rather than sent."""
        value: object = self.body.get(key)
        if value is None or value == "":
            return None
        if not isinstance(value, str):
            raise InvalidResponseError(
                f"this page's {key} is a {type(value).__name__}, not a link", self.response
            )
        return value

    @property
    def next_link(self) -> str | None:
        """``@odata.nextLink``: the URL of the next page, ``None`` on the last page."""
        return self._link("@odata.nextLink")

    @property
    def delta_link(self) -> str | None:
        """``@odata.deltaLink``: on the last page of a delta function, where to ask for changes."""
        return self._link("@odata.deltaLink")

    @property
    def count(self) -> int | None:
        """``@odata.count`` when the call asked for ``count=True`` (and it is a number)."""
        value: object = self.body.get("@odata.count")
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    def _url(self) -> str | None:
        """Where this page came from, when the response knows its request."""
        try:
            return str(self.response.request.url)
        except RuntimeError:
            return None

    def _check_new(self, seen: set[str]) -> None:
        """Raise if this page's next link was read already: iterating would never end."""
        link = self.next_link
        if link is not None and link in seen:
            raise PagingLoopError(
                f"@odata.nextLink leads back to a page already read after {len(seen)} page(s);"
                " stopped rather than loop for ever",
                link,
            )
        if link is not None:
            seen.add(link)

    def __eq__(self, other: object) -> bool:
        """A page equals its JSON body (so tests may compare it with the documented reply)."""
        if isinstance(other, _PageData):
            return self.body == other.body
        if isinstance(other, Mapping):
            return self.body == other
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        more = ", more" if self.body.get("@odata.nextLink") else ""
        return f"<{type(self).__name__} of {len(self.items)} items{more}>"


class Page(_PageData[Item]):
    """A page of a collection (sync): ``for item in page`` reads every page."""

    __slots__ = ()

    def __iter__(self) -> Iterator[Item]:
        for page in self.pages():
            yield from page.items

    def pages(self) -> Iterator[Page[Item]]:
        """This page, then each following one; a link back to an earlier page raises
        :class:`PagingLoopError`."""
        first = self._url()
        seen: set[str] = {first} if first else set()
        page: Page[Item] | None = self
        while page is not None:
            yield page
            page._check_new(seen)
            page = page.next_page()

    def next_page(self) -> Page[Item] | None:
        """The next page (one request), or ``None`` on the last page."""
        link = self.next_link
        if link is None:
            return None
        page: Page[Item] = self._client._follow_link(link, self._follow)
        return page


class AsyncPage(_PageData[Item]):
    """A page of a collection (async): ``async for item in page`` reads every page."""

    __slots__ = ()

    async def __aiter__(self) -> AsyncIterator[Item]:
        async for page in self.pages():
            for item in page.items:
                yield item

    async def pages(self) -> AsyncIterator[AsyncPage[Item]]:
        """This page, then each following one; a link back to an earlier page raises
        :class:`PagingLoopError`."""
        first = self._url()
        seen: set[str] = {first} if first else set()
        page: AsyncPage[Item] | None = self
        while page is not None:
            yield page
            page._check_new(seen)
            page = await page.next_page()

    async def next_page(self) -> AsyncPage[Item] | None:
        """The next page (one request), or ``None`` on the last page."""
        link = self.next_link
        if link is None:
            return None
        page: AsyncPage[Item] = await self._client._follow_link(link, self._follow)
        return page


class AsyncPageRequest(Generic[Item]):
    """What an async list operation returns: ``await`` it for the first :class:`AsyncPage`,
    or ``async for`` over it directly for every item."""

    __slots__ = ("_fetch",)

    def __init__(self, fetch: Callable[[], Awaitable[Any]]) -> None:
        self._fetch = fetch  # no request is sent until awaited or iterated

    def __await__(self) -> Generator[Any, None, AsyncPage[Item]]:
        page: Generator[Any, None, AsyncPage[Item]] = self._fetch().__await__()
        return page

    async def __aiter__(self) -> AsyncIterator[Item]:
        first = await self._fetch()
        if isinstance(first, AsyncPage):
            async for item in cast("AsyncPage[Item]", first):
                yield item
        else:  # not a collection after all (an empty or non-JSON answer): nothing to list
            return

    def __repr__(self) -> str:
        return "<AsyncPageRequest (await it or async for over it)>"
