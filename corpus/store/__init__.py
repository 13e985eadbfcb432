"""The one storage layer: every table, its columns, its writes and the read models.

- `articles`: the DuckDB file, its schema version, article writes (one transaction per import);
- `schema`: every table and column name, spelled once;
- `results`: analysis results keyed by content hash and analyser version;
- `bundle`: the bundled coverage dataset and events files (reader and writer);
- `selection` and `reads`: which articles a query covers, and the queries the dashboard and the
  command line ask (a Store and a Selection in, a DataFrame out).
"""

from corpus.store.articles import Store, replace_atomically
from corpus.store.selection import ALL, Selection

__all__ = ["ALL", "Selection", "Store", "replace_atomically"]
