"""The shared Document: paragraphs, news-aware sentences and repeated paragraphs."""

from __future__ import annotations

import pytest

from extractors.document import Document, split_sentences


def sentences(text: str) -> list[str]:
    return [text[span.start:span.end] for span in split_sentences(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mr. Smith met U.N. officials. They agreed.", ["Mr. Smith met U.N. officials.", "They agreed."]),
        ("Russian official Sergei K. Shoigu spoke. He left.", ["Russian official Sergei K. Shoigu spoke.", "He left."]),
        # a decade's "s." is no initial
        ('Ice could be gone by the 2030s. "We are out of time," they wrote.',
         ["Ice could be gone by the 2030s.", '"We are out of time," they wrote.']),
        ("Growth was 3.5 percent. Prices rose.", ["Growth was 3.5 percent.", "Prices rose."]),
        ("The talks began on Jan. 5 in Geneva. Nothing came of them.", ["The talks began on Jan. 5 in Geneva.", "Nothing came of them."]),
        ("It happened in the U.S. The next day it spread.", ["It happened in the U.S.", "The next day it spread."]),
        ("U.S. troops left. Dr. Lee stayed.", ["U.S. troops left.", "Dr. Lee stayed."]),
        ("“We will not back down. We are ready,” she said. Then she left.",
         ["“We will not back down. We are ready,” she said.", "Then she left."]),
        ('He said: "Go now. Now!" Then? Yes.', ['He said: "Go now. Now!"', "Then?", "Yes."]),
        ("Is it over? “No.” Really.", ["Is it over?", "“No.”", "Really."]),
        # A quotation that runs on to the next paragraph is left open: its sentences are still sentences.
        ("The mayor spoke. “We lost the bridge. We lost the school. We will rebuild both",
         ["The mayor spoke.", "“We lost the bridge.", "We lost the school.", "We will rebuild both"]),
        ("“It held. It always held,” he said. “Then the water came. Nobody expected it",
         ["“It held. It always held,” he said.", "“Then the water came.", "Nobody expected it"]),
        ("no terminal punctuation", ["no terminal punctuation"]),
    ],
)
def test_sentence_splitter_is_made_for_news(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("TOKYO, July 21 (Reuters) - The party lost.", ["TOKYO, July 21 (Reuters) -", "The party lost."]),
        ("FAIRVIEW, W.Va. - Miners rallied.", ["FAIRVIEW, W.Va. -", "Miners rallied."]),
        ('KYIV — "We will win," he said.', ["KYIV —", '"We will win," he said.']),
        ("NATO - the alliance - met.", ["NATO - the alliance - met."]),  # no capital after the dash: no dateline
        ("The U.S. - China talks ended.", ["The U.S. - China talks ended."]),
    ],
)
def test_a_dateline_is_a_sentence_of_its_own(text, expected):
    assert [text[s.start:s.end] for s in split_sentences(text)] == expected


def test_sentences_never_cross_paragraphs():
    doc = Document("First line without a stop\nSecond line. Third sentence.")
    assert [doc.text[s.start:s.end] for s in doc.sentences] == ["First line without a stop", "Second line.", "Third sentence."]


def test_repeated_paragraphs_point_to_their_first_copy():
    text = "Headline Here\n\nHeadline Here\nBody one.\nBody  one.\n"
    doc = Document(text)
    assert [(p.start, p.end, p.repeat_of) for p in doc.paragraphs] == [(0, 13, None), (15, 28, 0), (29, 38, None), (39, 49, 2)]
    assert doc.is_repeat(16) and not doc.is_repeat(2)
    assert doc.canonical_offset(17) == 2


def test_sentence_lookup_by_offset():
    doc = Document("One. Two three.")
    assert doc.sentence_at(7) == doc.sentences[1]
    assert doc.sentence_at(4) is None  # the space between sentences
    assert doc.sentence_index(100) == 1
