"""``python -m viz`` does what the ``linear-lens`` command does."""

import sys

from .cli import main

sys.exit(main())
