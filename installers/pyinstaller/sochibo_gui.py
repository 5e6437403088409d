"""Frozen entry of the windowed program ``sochibo-gui`` (built by sochibo.spec)."""

import sys

from desktop_app.__main__ import gui_main

sys.exit(gui_main())
