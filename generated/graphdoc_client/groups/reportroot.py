# mypy: disable-error-code="no-any-return"
"""Operations of the reportroot group: getemailactivitycounts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Unpack

from .._runtime import Group, RequestOptions, endpoints

if TYPE_CHECKING:
    from ._reportroot import AsyncReportrootOperations as AsyncReportrootOperations

_ENDPOINTS = endpoints("""
getemailactivitycounts GET bytes period_value=function
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


if not TYPE_CHECKING:  # (type checkers see the async class of the stub module)
    AsyncReportrootOperations = ReportrootOperations
