"""The Dask path at scale: words/s with 1 and 2 workers, the scaling ratio, memory per worker,
and a worker killed mid-run.

python -m bench.scale [--articles 100000] [--workers 1 2] [--kill] [--keep DIR]

Generates a corpus of distinct articles in English and French (sentences of our own,
numbered so that every text differs), writes it as a Parquet dataset (one partition per
month), then analyses it from scratch on a LocalCluster of each worker count. With --kill,
one worker is killed (SIGKILL) in the middle of a 2-worker run; the run goes on (Dask
reschedules the partition) and a second run must find every partition done, with no
paragraph counted twice.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import resource
import shutil
import signal
import tempfile
import threading
import time
from pathlib import Path

import pyarrow.parquet as pq
from distributed import Client, LocalCluster

from corpus.records import build_article
from corpus.store import parquet
from corpus.store.batch import article_table
from corpus.store.parquet import open_parquet_store
from corpus.store.schema import ARTICLE_COLUMNS
from jobs.distributed import analyze_parquet

EN = [
    "Sam Altman said on {d} that OpenAI would keep its charter after offer number {n}.",
    "“We are not for sale,” Altman told staff in a memo numbered {n}.",
    "Elon Musk answered with a post calling the board a “cartel” for the {n}th time.",
    "The filing, case {n}, asks the court to halt the conversion before the trial.",
    "Investors valued the company at {n} billion dollars, according to people briefed on the talks.",
    "The judge set a hearing for {d} and asked both sides to narrow their claims.",
]
FR = [
    "Sam Altman a assuré le {d} qu'OpenAI garderait sa charte après l'offre numéro {n}.",
    "« Nous ne sommes pas à vendre », a déclaré le patron d'OpenAI dans la note {n}.",
    "Elon Musk a qualifié le conseil de « cartel » pour la {n}e fois sur X.",
    "La plainte, dossier {n}, demande au tribunal de suspendre la transformation.",
    "Les investisseurs valorisent l'entreprise à {n} milliards de dollars, selon des sources proches.",
    "La juge a fixé une audience au {d} et demandé aux parties de resserrer leurs demandes.",
]


def generate(count: int, folder: Path, *, seed: int = 7) -> int:
    """Write `count` distinct articles as a Parquet dataset (the store's columns), by month."""
    rng = random.Random(seed)
    start = dt.date(2024, 1, 1)
    rows = []
    for n in range(count):
        day = start + dt.timedelta(days=rng.randrange(730))
        language, pool = ("fr", FR) if n % 3 == 0 else ("en", EN)
        paragraphs = [" ".join(rng.choice(pool).format(n=n + k, d=day.isoformat()) for k in range(2)) for _ in range(3)]
        article = build_article(
            {
                "id": f"scale-{n}",
                "url": f"https://outlet{n % 50}.example/{day:%Y/%m/%d}/story-{n}",
                "title": f"Story {n}",
                "published": day.isoformat(),
                "language": language,
                "text": "\n\n".join(paragraphs),
            },
            where=f"generated {n}",
            source="bench.scale",
        ).article
        assert article is not None
        rows.append(article)
    by_month: dict[str, list] = {}
    for a in rows:
        by_month.setdefault(a.published.when.strftime("%Y-%m") if a.published else "undated", []).append(a)
    words = 0
    for month, articles in by_month.items():
        table = article_table(articles)
        assert tuple(table.column_names) == ARTICLE_COLUMNS
        target = folder / parquet.ARTICLES / f"month={month}"
        target.mkdir(parents=True, exist_ok=True)
        pq.write_table(table, target / "part-0.parquet")
        words += sum(a.word_count for a in articles)
    return words


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(dataset: Path, workers: int, *, kill_after: float | None = None) -> dict[str, object]:
    """Analyse the dataset from scratch on a LocalCluster of `workers` processes."""
    shutil.rmtree(dataset / parquet.RESULTS, ignore_errors=True)
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
    watcher = Client(cluster)
    killed: list[int] = []

    def kill_one() -> None:
        time.sleep(kill_after or 0)
        pids = watcher.run(os.getpid)
        victim = sorted(pids.values())[0]
        os.kill(victim, signal.SIGKILL)
        killed.append(victim)

    if kill_after is not None:
        threading.Thread(target=kill_one, daemon=True).start()
    try:
        report = analyze_parquet(dataset, dataset, client_factory=lambda **_: (Client(cluster), None))
        memory = watcher.run(_peak_rss_mb)
    finally:
        watcher.close()
        cluster.close()
    return {"report": report, "memory_mb": sorted(memory.values()), "killed": killed}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--kill", action="store_true", help="kill a worker mid-run, then re-run")
    parser.add_argument("--keep", type=Path, help="write the dataset here and keep it")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="scale-"))
    started = time.perf_counter()
    words = generate(args.articles, folder)
    print(
        f"{args.articles:,} articles, {words:,} words, {len(parquet.partitions(folder))} partitions "
        f"(generated in {time.perf_counter() - started:.0f} s) at {folder}"
    )
    rates: dict[int, float] = {}
    seconds: dict[int, float] = {}
    for n in args.workers:
        result = run(folder, n)
        report = result["report"]
        rates[n] = report.words / report.seconds
        seconds[n] = report.seconds
        print(
            f"{n} worker(s): {report.seconds:7.1f} s  {rates[n]:>9,.0f} words/s  "
            f"peak memory per worker {', '.join(f'{m:,.0f} MB' for m in result['memory_mb'])}  "
            f"failed {len(report.failed)}"
        )
    if 1 in rates and 2 in rates:
        print(f"scaling 1 -> 2 workers: {rates[2] / rates[1]:.2f}x")
    if args.kill:
        # kill when about 40 % of a 2-worker run has gone by
        result = run(folder, 2, kill_after=max(5.0, 0.4 * seconds.get(2, 50.0)))
        report = result["report"]
        print(
            f"killed worker pid {result['killed']} mid-run: {len(report.analysed)} partitions analysed, "
            f"failed {report.failed or 'none'}"
        )
        again = analyze_parquet(folder, folder, local=2)
        store = open_parquet_store(folder)
        paragraphs, distinct = store.con.execute(
            "SELECT count(*), count(DISTINCT (content_hash, paragraph_index)) FROM paragraph_tone"
        ).fetchall()[0]
        expected = store.con.execute("SELECT sum(len(paragraphs)) FROM articles").fetchall()[0][0]
        print(
            f"re-run: {len(again.analysed)} analysed, {len(again.skipped)} unchanged, failed {again.failed or 'none'}; "
            f"paragraph rows {paragraphs:,} (distinct {distinct:,}, expected {expected:,})"
        )
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
