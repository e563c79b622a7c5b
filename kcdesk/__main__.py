"""`python -m kcdesk` is the same as the `kcdesk` command."""

import multiprocessing

from kcdesk.cli.main import main

# Guarded: the import's reader process (spawned) imports this module as __mp_main__.
if __name__ == "__main__":
    multiprocessing.freeze_support()
    raise SystemExit(main())
