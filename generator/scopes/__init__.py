"""``graphdoc permissions``: the calls a program makes (:mod:`.scan`), the fewest
permissions for them and the CI gate (:mod:`.query`); the search itself is the
package's own (``runtime/permissions.py``)."""
