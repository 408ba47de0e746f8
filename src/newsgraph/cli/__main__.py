"""``python -m newsgraph.cli``: the same as the ``newsgraph`` command."""

from . import main

main()
