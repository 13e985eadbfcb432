import streamlit as st

from dashboard import ui
from dashboard.importing import SUPPORTED, import_uploads

st.title("Import")
if ui.parquet_folder():
    st.info(
        "The dashboard is reading a Parquet dataset (CORPUS_PARQUET), which is written by the command line: "
        "`python -m analysis ingest … --to-parquet DIR`, then `python -m analysis analyze --parquet DIR`."
    )
    st.stop()
st.caption("Files of any kind the importer takes: " + ", ".join(SUPPORTED) + "; or web pages and RSS/Atom feeds.")
files = st.file_uploader("Files", accept_multiple_files=True, type=[s.lstrip(".") for s in SUPPORTED])
urls = st.text_area("URLs of articles or feeds, one per line", placeholder="https://…")
if st.button("Import", type="primary", disabled=not files and not urls.strip()):
    ui.wait_for_background_analysis()
    bar = st.progress(0.0, text="Reading…")

    def progress(done: int, total: int, label: str) -> None:
        bar.progress(min(1.0, done / total) if total else 1.0, text=label[-80:])

    report, analysed = import_uploads(
        ui.store(),
        [(f.name, f.getvalue()) for f in files or []],
        [line.strip() for line in urls.splitlines() if line.strip()],
        progress=progress,
    )
    bar.progress(1.0, text="Done")
    summary = report.as_dict()
    st.success(
        f"Added {summary['added']}, duplicates {summary['duplicates']}, failed {summary['failed']}, "
        f"skipped {summary['skipped']}; analysed {analysed} article(s). The charts include them now."
    )
    ui.table(
        [
            {
                "item": i["where"],
                "status": i["status"],
                "reason": i.get("reason", ""),
                "warnings": "; ".join(i.get("warnings", [])),
            }
            for i in summary["items"]
        ],
        hide_index=True,
    )
