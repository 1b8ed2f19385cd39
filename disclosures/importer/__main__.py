"""`python -m disclosures.importer SOURCE ...`"""

import sys

from .cli import main

sys.exit(main())
