# mypy: disable-error-code="no-any-return"
"""Operations of the report_root group: get_email_activity_counts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Unpack

from .._runtime import Group, RequestOptions, endpoints

if TYPE_CHECKING:
    from ._report_root import AsyncReportRootOperations as AsyncReportRootOperations

_ENDPOINTS = endpoints("""
get_email_activity_counts GET bytes period=function
    /reports/getEmailActivityCounts(period='{period}')
""")


class ReportRootOperations(Group):
    """report_root operations (1), reached as client.report_root."""

    __slots__ = ()
    _endpoints = _ENDPOINTS

    def get_email_activity_counts(self, period: str, **options: Unpack[RequestOptions]) -> bytes:
        """Produce a CSV report with daily totals of email activity in the organization: how many
        messages were sent, received, and read on each day of the chosen period.

        GET /reports/getEmailActivityCounts(period='{period}')

        Permissions (least privileged):
            Delegated (work or school account): Reports.Read.All
            Delegated (personal Microsoft account): not supported
            Application: Reports.Read.All

        Returns: 200 on success.

        Documented in api/reportroot-getemailactivitycounts.md
        """
        return self._call("get_email_activity_counts", options, period=period)


if not TYPE_CHECKING:  # (type checkers see the async class of the stub module)
    AsyncReportRootOperations = ReportRootOperations
