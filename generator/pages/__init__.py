"""Stage 1, pages: takes the paths given; gives the page files under them (discover)."""
