"""`python -m analysis …`: the README's alias of the command line (cli.main), kept for old commands.

An entry point only: no module imports it, so the flow (faces on top) holds.
"""

import sys

from cli.main import main

sys.exit(main())
