"""`python -m game` runs the same command line as the `leadsim` script."""

import sys

from game.cli import main

sys.exit(main())
