"""`make run`: the dashboard, ready before it answers. python -m dashboard.serve [streamlit options]

`streamlit run app.py` starts answering at once and does everything on the first
visit: imports the analysis and charting stack, builds a new store from data/,
draws the first figures (plotly loads its validators then). On two cores that
work competes with the browser loading the page. Here it is done first, in the
server's own process, so the first visit finds the modules imported, the store
built and plotly warm; then Streamlit's own command line starts the server on
app.py with the options given.
"""

from __future__ import annotations

import gc
import sys
import time
from pathlib import Path

APP = Path(__file__).resolve().parents[1] / "app.py"


def prepare(store_path: Path | None = None) -> float:
    """Import what the pages use, build the store if it is new, draw the overview once; seconds
    taken. A store that cannot be opened is left to the page, which names the problem."""
    start = time.perf_counter()
    # the pages' stack, without dashboard.ui: its Streamlit caches are made by the running server
    from corpus.errors import CorpusError
    from corpus.ingest import default_store_path
    from dashboard import views
    from dashboard.filters import Filters, to_selection
    from jobs import background  # noqa: F401 (imported for the first visit)
    from jobs.bundle import open_dashboard_store

    try:
        with open_dashboard_store(store_path or default_store_path()) as store:
            views.overview_charts(store, to_selection(store, Filters()))
    except CorpusError as exc:
        print(f"The corpus store could not be opened: {exc} (the dashboard will say so)", file=sys.stderr)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> None:
    seconds = prepare()
    # What is loaded by now (the analysis, charting and Streamlit modules: some 150,000 objects)
    # lives as long as the server: once the warm-up's garbage is collected, it is frozen out of
    # every later collection, which then walks only what the pages make (a full collection of it
    # all cost 70 ms and more; .streamlit/config.toml also turns off Streamlit's forced one after
    # every script run).
    gc.collect()
    gc.freeze()
    print(f"Dashboard prepared in {seconds:.1f} s; starting the server…", file=sys.stderr)
    from streamlit.web import cli

    sys.argv = ["streamlit", "run", str(APP), *(sys.argv[1:] if argv is None else argv)]
    cli.main()


if __name__ == "__main__":
    main()
