"""One module per resource group; :class:`graphdoc_client.GraphClient` imports each on first use."""
