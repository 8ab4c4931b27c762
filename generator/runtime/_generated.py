"""The values graphdoc writes for each package: the only runtime module it does not copy.

This copy, in graphdoc's own source, holds the v1.0 values so that the runtime can be
type-checked and tested where it is written.
"""

API_VERSION = "v1.0"
DEFAULT_BASE_URL = "https://graph.microsoft.com/v1.0"
# How the package was tailored to the operations a program calls ("" for the full client).
TAILORED = ""
