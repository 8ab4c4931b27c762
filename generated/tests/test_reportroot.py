"""Replay tests of the reportroot group, one per documented example."""


def test_getemailactivitycounts__get_email_activity_counts_seven_days(replay):
    """Replays example 'get_email_activity_counts_seven_days' (api/reportroot-getemailactivitycounts.md, line 58)."""
    result = replay(
        lambda client: client.reportroot.getemailactivitycounts("D7"),
        method="GET",
        path="/reports/getEmailActivityCounts(period='D7')",
        query=[],
        response={
            "status": 200,
            "content": b"Report Refresh Date,Send,Receive,Read,Report Date,Report Period\n2024-03-17,1184,5230,4471,2024-03-17,7\n2024-03-17,1302,5618,4829,2024-03-16,7\n2024-03-17,967,4012,3395,2024-03-15,7",
            "headers": {"Content-Type": "application/octet-stream"},
        },
    )
    assert (
        result
        == b"Report Refresh Date,Send,Receive,Read,Report Date,Report Period\n2024-03-17,1184,5230,4471,2024-03-17,7\n2024-03-17,1302,5618,4829,2024-03-16,7\n2024-03-17,967,4012,3395,2024-03-15,7"
    )
