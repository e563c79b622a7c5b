"""`python -m kcdesk` is the same as the `kcdesk` command."""

from kcdesk.cli.main import main

raise SystemExit(main())
