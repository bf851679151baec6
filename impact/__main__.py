"""``python -m impact``: the admin command line (see :mod:`impact.cli`)."""

import sys

from impact.cli import main

sys.exit(main())
