"""Replay tests of the reportroot group, one per documented example."""

import json
from pathlib import Path

EXAMPLES = json.loads(
    (Path(__file__).parent / "examples" / "reportroot.json").read_text(encoding="utf-8")
)


def test_getemailactivitycounts__get_email_activity_counts_seven_days(replay):
    """Replays example 'get_email_activity_counts_seven_days' (api/reportroot-getemailactivitycounts.md, line 58)."""
    example = EXAMPLES["test_getemailactivitycounts__get_email_activity_counts_seven_days"]
    replay(
        lambda client: client.reportroot.getemailactivitycounts("D7"),
        example,
        method="GET",
        path="/reports/getEmailActivityCounts(period='D7')",
        query=[],
    )
