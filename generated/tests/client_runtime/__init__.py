"""The client's own tests: its runtime (sync and async) and its README, through ``httpx.MockTransport``."""
