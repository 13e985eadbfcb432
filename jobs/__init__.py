"""Long work across the layers: analyse a store with a pool of workers, build the bundled dataset.

Jobs join the storage layer (corpus.store) and the NLP (analysis); the faces
(cli, dashboard pages) start them and show their progress.
"""
