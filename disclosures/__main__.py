"""`python -m disclosures check [DATA_DIR]`."""

import sys

from disclosures.cli import main

sys.exit(main())
