from __future__ import annotations

from pathlib import Path

from tests.conftest import REPO_ROOT


def seed_paragraphs() -> list[str]:
    """The demo articles' paragraphs: real Arabic news text to build large documents from."""
    return [
        line.strip()
        for path in sorted((REPO_ROOT / "seeds").glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if len(line.strip()) > 40
    ]


def article_of(length: int, number: int) -> str:
    """An article of about ``length`` characters, different for every ``number``."""
    paragraphs = seed_paragraphs()
    parts, size, index = [f"{number}"], 0, number
    while size < length:
        paragraph = paragraphs[index % len(paragraphs)]
        parts.append(paragraph)
        size += len(paragraph) + 1
        index += 7
    return "\n".join(parts)[:length]


def write_articles(folder: Path, count: int, length: int) -> list[str]:
    folder.mkdir()
    texts = [article_of(length, n) for n in range(count)]
    for number, text in enumerate(texts):
        (folder / f"{number:05d}.txt").write_text(text, encoding="utf-8")
    return texts
