"""Frozen entry of the console program ``sochibo`` (built by sochibo.spec)."""

import sys

from desktop_app.cli import main

sys.exit(main())
