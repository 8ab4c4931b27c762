# mypy: disable-error-code="no-any-return"
"""Operations of the reportroot group: getemailactivitycounts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Unpack

from .._runtime import Group, RequestOptions, endpoints

if TYPE_CHECKING:
    from .._response import AsyncStreamed, RawResponse, Streamed

_ENDPOINTS = endpoints("""
getemailactivitycounts GET period_value=function
    /reports/getEmailActivityCounts(period='{period_value}')
""")


class ReportrootOperations(Group):
    """reportroot operations (1), reached as client.reportroot."""

    __slots__ = ()
    _endpoints = _ENDPOINTS

    def getemailactivitycounts(self, period_value: str, **options: Unpack[RequestOptions]) -> bytes:
        """Produce a CSV report with daily totals of email activity in the organization: how many
        messages were sent, received, and read on each day of the chosen period.

        GET /reports/getEmailActivityCounts(period='{period_value}')

        Permissions (least privileged):
            Delegated (work or school account): Reports.Read.All
            Delegated (personal Microsoft account): not supported
            Application: Reports.Read.All

        Returns: 200 on success.

        Documented in api/reportroot-getemailactivitycounts.md
        """
        return self._call("getemailactivitycounts", options, period_value=period_value)


if TYPE_CHECKING:

    class AsyncReportrootOperations(Group):
        """The same operations as :class:`ReportrootOperations`, as the async client's calls are typed: awaitable. At run time both clients share one class."""

        async def getemailactivitycounts(
            self, period_value: str, **options: Unpack[RequestOptions]
        ) -> bytes: ...

    class AsyncRawReportrootOperations:
        async def getemailactivitycounts(
            self, period_value: str, **options: Unpack[RequestOptions]
        ) -> RawResponse[bytes]: ...

    class AsyncStreamReportrootOperations:
        def getemailactivitycounts(
            self, period_value: str, **options: Unpack[RequestOptions]
        ) -> AsyncStreamed[bytes]: ...

    class RawReportrootOperations:
        def getemailactivitycounts(
            self, period_value: str, **options: Unpack[RequestOptions]
        ) -> RawResponse[bytes]: ...

    class StreamReportrootOperations:
        def getemailactivitycounts(
            self, period_value: str, **options: Unpack[RequestOptions]
        ) -> Streamed[bytes]: ...

else:
    AsyncReportrootOperations = ReportrootOperations
