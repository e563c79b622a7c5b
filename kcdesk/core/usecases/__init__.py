"""One function per thing a user does; the CLI and the GUI both call these, so the two doors cannot drift.

    analysis.py  analyse a quarter, the region counts behind the map
    content.py   run and save the content analysis, accept/undo suggestions, name or dismiss a group
    report.py    write the справка and its companions (.xlsx, .pdf, work plans)
    importing.py import files with the officer's choices, preview a file

Each takes an open `Project` (the GUI's runner opens one per worker thread) and, for long work, a
`Progress`. Charts are drawn by the doors (Qt stays out of the core) and passed in as PNG paths.
"""
