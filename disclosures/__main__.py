"""`python -m disclosures check [DATA_DIR]`."""

import sys

from .cli import main

sys.exit(main())
