"""``python -m studyplanner``: the same entry point as the ``studyplanner`` command."""

from __future__ import annotations

import sys

from studyplanner.app import main

sys.exit(main())
