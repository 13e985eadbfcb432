"""Folder imports never read outside their root: links out are refused by name, linked folders
are not walked (so a link loop ends), and everything else in the folder is imported."""

import os
from pathlib import Path

import pytest

from corpus.importers import iter_path

pytestmark = pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")

GOOD = "Le conseil d'OpenAI a examiné l'offre d'Elon Musk lundi, puis l'a écartée à l'unanimité."


@pytest.fixture
def tree(tmp_path):
    root = tmp_path / "import"
    (root / "sub").mkdir(parents=True)
    (root / "good.txt").write_text(GOOD, encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("A private note that must never be imported into the corpus.", encoding="utf-8")
    (root / "secret-link.txt").symlink_to(outside / "secret.txt")
    (root / "outside-folder").symlink_to(outside, target_is_directory=True)
    (root / "sub" / "loop").symlink_to(root, target_is_directory=True)
    (root / "inner-link.txt").symlink_to(root / "good.txt")
    return root


def test_links_out_of_the_folder_are_refused_and_named(tree):
    found = {Path(c.where).name: c for c in iter_path(tree)}
    assert found["secret-link.txt"].article is None
    assert "out of the imported folder" in found["secret-link.txt"].error
    assert found["good.txt"].article is not None


def test_linked_folders_are_not_walked_and_a_loop_ends(tree):
    found = {c.where: c for c in iter_path(tree)}
    assert not any("secret.txt" in w or "outside-folder/" in w for w in found)  # nothing read inside
    refused = found[str(tree / "outside-folder")]
    assert "out of the imported folder" in refused.error
    assert not any("loop" in w for w in found)


def test_a_link_inside_the_folder_is_read(tree):
    found = {Path(c.where).name: c for c in iter_path(tree)}
    assert found["inner-link.txt"].article is not None
    assert found["inner-link.txt"].article.text == GOOD


def test_no_text_from_outside_reaches_a_candidate(tree):
    texts = [c.article.text for c in iter_path(tree) if c.article]
    assert all("private note" not in t for t in texts)
