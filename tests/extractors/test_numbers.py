"""The numbers extractor: values, bounds, units, kinds, qualifiers, counted phrases and offsets."""

from __future__ import annotations

import time

import pytest

from extractors.document import Document
from extractors.numbers import EXTRACTOR, extract_numbers
from extractors.records import Number



def numbers(text: str, **options) -> list[Number]:
    found = extract_numbers(Document(text), **options)
    for number in found:
        assert text[number.start:number.end] == number.text
    return found


def one(text: str) -> Number:
    found = numbers(text)
    assert len(found) == 1, [number.text for number in found]
    return found[0]


def fields(number: Number) -> tuple:
    return (number.text, number.value, number.low, number.high, number.unit, number.kind, number.qualifier)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They hired 5,000 staff.", ("5,000", 5000, 5000, 5000, None, "cardinal", "exact")),
        ("The index closed at 28,713.04 points.", ("28,713.04", 28713.04, 28713.04, 28713.04, None, "cardinal", "exact")),
        ("A reading of 0.3 was recorded.", ("0.3", 0.3, 0.3, 0.3, None, "cardinal", "exact")),
        ("Output shrank by -2.5 on the index.", ("-2.5", -2.5, -2.5, -2.5, None, "cardinal", "exact")),
        ("Some 1 000 runners started.", ("Some 1 000", 1000, 1000, 1000, None, "cardinal", "approx")),
        ("The fund holds 2.5 billion shares.", ("2.5 billion", 2500000000, 2500000000, 2500000000, None, "cardinal", "exact")),
        ("It sold 500k copies.", ("500k", 500000, 500000, 500000, None, "cardinal", "exact")),
        ("Five ministers resigned.", ("Five", 5, 5, 5, None, "cardinal", "exact")),
        ("The team has twenty-three players.", ("twenty-three", 23, 23, 23, None, "cardinal", "exact")),
        ("They bought two dozen lamps.", ("two dozen", 24, 24, 24, None, "cardinal", "exact")),
        ("The city lost half a million residents.", ("half a million", 500000, 500000, 500000, None, "cardinal", "exact")),
        ("A hundred boats waited.", ("A hundred", 100, 100, 100, None, "cardinal", "exact")),
        ("One in five voters is undecided.", ("One in five", 0.2, 0.2, 0.2, None, "cardinal", "exact")),
        ("About a third of the budget went on wages.", ("About a third", 0.3333333333, 0.3333333333, 0.3333333333, None, "cardinal", "approx")),
        ("one hundred and two chairs", ("one hundred and two", 102, 102, 102, None, "cardinal", "exact")),
    ],
)
def test_cardinals(text, expected):
    assert fields(one(text)) == expected


def test_integers_stay_integers():
    number = one("They hired 5,000 staff.")
    assert type(number.value) is int and type(number.low) is int


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thousands of people marched.", ("Thousands", None, 1000, None, None, "cardinal", "vague")),
        ("Dozens of homes burned.", ("Dozens", None, 12, None, None, "cardinal", "vague")),
        ("Tens of thousands fled.", ("Tens of thousands", None, 10000, None, None, "cardinal", "vague")),
        ("It reached hundreds of millions of users.", ("hundreds of millions", None, 100000000, None, None, "cardinal", "vague")),
    ],
)
def test_vague_amounts(text, expected):
    assert fields(one(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Only a small percentage of the miners voted.", ("a small percentage", 5, "miners")),
        ("A large percent of renters moved.", ("A large percent", 0, "renters")),
        ("He said a significant percentage had left.", ("a significant percentage", 8, None)),
        ("The bridge cost a tiny fraction of the tunnel.", ("a tiny fraction", 16, "tunnel")),
        ("A relatively small proportion of nurses quit.", ("A relatively small proportion", 0, "nurses")),
        ("The party won a growing share of the rural vote.", ("a growing share", 14, "rural vote")),
        ("Just a small per cent of loans failed.", ("a small per cent", 5, "loans")),
    ],
)
def test_vague_proportions(text, expected):
    number = one(text)
    assert (number.text, number.start, number.counted) == expected
    assert (number.value, number.low, number.high, number.unit, number.kind, number.qualifier) == (None, None, None, "percent", "percent", "vague")


def test_an_article_counts_one_unit():
    found = numbers("They paid a dollar for a litre of fuel and an acre of land.")
    assert [(n.text, n.start, n.value, n.unit, n.kind) for n in found] == [
        ("a dollar", 10, 1, "USD", "money"), ("a litre", 23, 1, "litre", "quantity"), ("an acre", 43, 1, "acre", "quantity"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "It is a real problem for the agency.",
        "A mole inside the ministry leaked it.",
        "The rules leave a gray area.",
        "She lit a candle and joined a league.",
        "It took a span of years.",
    ],
)
def test_unit_names_that_are_common_words_are_not_counted(text):
    assert numbers(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "How do I work out a percentage?",
        "The chart shows the % of change since spring.",
        "She took a large share buyback to the board.",
        "The bank made a large percentage-point cut.",
        "They gave a fair share of the land.",
        "The fraction of voters who stayed home rose.",
    ],
)
def test_a_share_without_a_size_is_not_a_figure(text):
    assert numbers(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("His third visit ended well.", ("third", 3, 3, 3, None, "ordinal", "exact")),
        ("The 10th round starts now.", ("10th", 10, 10, 10, None, "ordinal", "exact")),
        ("Sales fell in the second quarter.", ("second", 2, 2, 2, None, "ordinal", "exact")),
        ("It was the tenth consecutive rise.", ("tenth", 10, 10, 10, None, "ordinal", "exact")),
        ("The twenty-first race was cancelled.", ("twenty-first", 21, 21, 21, None, "ordinal", "exact")),
    ],
)
def test_ordinals(text, expected):
    assert fields(one(text)) == expected


def test_third_is_a_fraction_only_with_a_numerator_and_of():
    assert one("One third of the land is dry.").value == pytest.approx(1 / 3)
    assert one("His third term began.").kind == "ordinal"
    assert one("a third visit").value == 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Turnout rose 12% in May.", ("12%", 12, 12, 12, "percent", "percent", "exact")),
        ("Inflation was 3.9 percent, it said.", ("3.9 percent", 3.9, 3.9, 3.9, "percent", "percent", "exact")),
        ("Inflation was 3.9 per cent then.", ("3.9 per cent", 3.9, 3.9, 3.9, "percent", "percent", "exact")),
        ("The lead narrowed by 2 percentage points.", ("2 percentage points", 2, 2, 2, "percentage point", "percent", "exact")),
    ],
)
def test_percent(text, expected):
    assert fields(one(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It raised $2.5 billion.", ("$2.5 billion", 2500000000, 2500000000, 2500000000, "USD", "money", "exact")),
        ("The club paid £45m for him.", ("£45m", 45000000, 45000000, 45000000, "GBP", "money", "exact")),
        ("The deal is worth €1.2bn.", ("€1.2bn", 1200000000, 1200000000, 1200000000, "EUR", "money", "exact")),
        ("Debt hit $7.5tn.", ("$7.5tn", 7500000000000, 7500000000000, 7500000000000, "USD", "money", "exact")),
        ("It cost US$300.", ("US$300", 300, 300, 300, "USD", "money", "exact")),
        ("The ticket is ¥1,200.", ("¥1,200", 1200, 1200, 1200, "JPY", "money", "exact")),
        ("They paid 40 million dollars.", ("40 million dollars", 40000000, 40000000, 40000000, "USD", "money", "exact")),
        ("Fines reached 500 rupees.", ("500 rupees", 500, 500, 500, "INR", "money", "exact")),
        ("A loan of 3 billion yuan was agreed.", ("3 billion yuan", 3000000000, 3000000000, 3000000000, "CNY", "money", "exact")),
    ],
)
def test_money(text, expected):
    assert fields(one(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The road is 120 km long.", ("120 km", 120, 120, 120, "kilometre", "quantity", "exact")),
        ("It was 42.5C at noon.", ("42.5C", 42.5, 42.5, 42.5, "degree Celsius", "quantity", "exact")),
        ("The truck carried 3 tonnes of rice.", ("3 tonnes", 3, 3, 3, "tonne", "quantity", "exact")),
        ("A 7.8-magnitude quake struck.", ("7.8-magnitude", 7.8, 7.8, 7.8, "magnitude", "quantity", "exact")),
        ("Fire burned 5 sq km of forest.", ("5 sq km", 5, 5, 5, "square kilometre", "quantity", "exact")),
        ("They walked 12 miles.", ("12 miles", 12, 12, 12, "mile", "quantity", "exact")),
    ],
)
def test_quantities(text, expected):
    assert fields(one(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Between 30 and 40 people came.", ("Between 30 and 40", None, 30, 40, None, "range", "exact")),
        ("Prices rose 30-40% in a year.", ("30-40%", None, 30, 40, "percent", "range", "exact")),
        ("It takes 30 to 40 minutes.", ("30 to 40 minutes", None, 30, 40, "minute", "range", "exact")),
        ("Rates went from 5 to 10 percent.", ("from 5 to 10 percent", None, 5, 10, "percent", "range", "exact")),
        ("Losses of 2 to 3 million euros.", ("2 to 3 million euros", None, 2000000, 3000000, "EUR", "range", "exact")),
    ],
)
def test_ranges(text, expected):
    assert fields(one(text)) == expected


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("On the 10th day of the siege, food ran out.", "day"),
        ("Sales fell for the third straight month.", "month"),
        ("Profits rose in the second quarter.", "quarter"),
    ],
)
def test_an_ordinal_ranks_spans_of_time_too(text, counted):
    (ordinal,) = numbers(text)
    assert (ordinal.kind, ordinal.counted) == ("ordinal", counted)


def test_half_after_an_ordinal_is_a_period_not_a_share():
    assert [(n.text, n.kind) for n in numbers("Output fell in the first half of the year.")] == [("first", "ordinal")]


def test_a_percent_change_to_a_level_is_no_range():
    assert [n.text for n in numbers("The yen weakened about 0.4% to 148.9 per dollar.")] == ["about 0.4%", "148.9"]


@pytest.mark.parametrize(
    ("text", "surface", "kind"),
    [
        ("The law passed in 2019.", "2019", "year"),
        ("Elections are due in March 2024.", "March 2024", "date"),
        ("They met on Tuesday.", "Tuesday", "date"),
        ("Growth slowed this year.", "this year", "date"),
        ("The vote is on 5 May 2025.", "5 May 2025", "date"),
        # a full month name ends before the sentence's full stop; an abbreviation keeps its own
        ("The plant closed in March.", "March", "date"),
        ("The attack came on Sept. 11.", "Sept. 11", "date"),
    ],
)
def test_years_and_dates(text, surface, kind):
    number = one(text)
    assert (number.text, number.kind) == (surface, kind)
    assert number.value == (int(surface) if kind == "year" else None)


@pytest.mark.parametrize(
    ("text", "qualifier", "value", "low", "high"),
    [
        ("As many as 200 homes flooded.", "at_most", 200, None, 200),
        ("Up to 50 boats sank.", "at_most", 50, None, 50),
        ("Fewer than 10 remain.", "at_most", 10, None, 10),
        ("At least 300 died.", "at_least", 300, 300, None),
        ("More than 1,000 were hurt.", "at_least", 1000, 1000, None),
        ("Over 40 towns voted.", "at_least", 40, 40, None),
        ("About 70 ships docked.", "approx", 70, 70, 70),
        ("Nearly 90 firms quit.", "approx", 90, 90, 90),
        ("Roughly 15 towns burned.", "approx", 15, 15, 15),
        ("An estimated 8,000 fled.", "approx", 8000, 8000, 8000),
    ],
)
def test_qualifiers(text, qualifier, value, low, high):
    number = one(text)
    assert (number.qualifier, number.value, number.low, number.high) == (qualifier, value, low, high)
    assert number.start == 0 and number.text.split()[-1] == text.split()[len(number.text.split()) - 1]


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("Officials sent 5,000 construction workers and combat engineers.", "construction workers"),
        ("Reports say as many as 15,000 Nepalese porters are employed there.", "Nepalese porters"),
        ("It sent 1,000 combat engineers, known as sappers, to help.", "combat engineers"),
        ("The firm posted revenue of $2.5 billion.", "revenue"),
        ("Thousands of volunteers arrived.", "volunteers"),
        ("Sales were up 12% from a year earlier.", None),
        ("Village Sends Thousands of Farmers to the Capital", "farmers"),
        ("Another 68 people remain missing.", "people"),  # a plural without -s ends the phrase
        ("The city hired 800 police officers last year.", "police officers"),  # unless it modifies a plural
        ("Floods killed at least 34 in southern Brazil.", None),  # a place after "in"
        ("They won 47 of the 125 seats contested.", "seats"),  # a part of a total counts the total's noun
        ("Cases were found in 11 of the country's 28 districts.", "districts"),
        # after an article a measured figure modifies the noun that follows
        ("The union rejected a 4% wage offer.", "wage offer"),
        ("They signed a $2 billion deal on Monday.", "deal"),
        ("A magnitude 7.1 earthquake struck the coast.", "earthquake"),  # a past form after the noun is the verb
        ("The 3% rise surprised analysts.", "rise"),
        ("He declared a 60-day state of emergency.", "state of emergency"),  # one noun and its "of" complement
        # the head of the subject before a rise, not the place or route after it
        ("Freight rates on Asia-Europe routes rose 14% last week.", "rates"),
        ("Unemployment in Spain fell to 11.2% in June.", "unemployment"),
        ("Sales of electric cars in Norway jumped 12%.", "sales"),
        ("The quake hit at a depth of 28 km.", "depth"),
    ],
)
def test_counted(text, counted):
    amounts = [number for number in numbers(text) if number.kind not in ("date", "year")]
    assert amounts[0].counted == counted


def test_offsets_of_a_figure_inside_a_longer_text():
    text = "Rescuers said on Monday that about 2,400 people were missing."
    number = [n for n in numbers(text) if n.kind != "date"][0]
    assert (number.start, number.end, number.text) == (29, 40, "about 2,400")


@pytest.mark.parametrize(
    "text",
    [
        "The COVID-19 rules ended.",
        "Leaders of the G7 met.",
        "An F-16 crashed.",
        "The Boeing 737 was grounded.",
        "Section 230 protects platforms.",
        "The meeting starts at 10:30.",
        "Call +44 20 7946 0958 today.",
        "See https://example.com/page/2024/55 for details.",
        "The train leaves at 2pm.",
        "Who is the one in charge?",
        "No one came.",
        "The two nations signed.",
    ],
)
def test_not_figures(text):
    assert numbers(text) == []


def test_identifiers_are_kept_on_request():
    found = numbers("An F-16 and a Boeing 737 landed.", include_identifiers=True)
    assert [(number.text, number.kind) for number in found] == [("F-16", "identifier"), ("737", "identifier")]


def test_a_figure_told_again_is_reported_once_with_its_other_place():
    text = "They sent 5,000 soldiers. Later, 5,000 soldiers came home."
    (number,) = numbers(text)
    assert (number.start, number.repeats[0].start, number.repeats[0].end) == (10, 33, 38)


def test_registered_as_numbers():
    assert EXTRACTOR.name == "numbers" and EXTRACTOR.record_type is Number


def test_seed_article_gives_the_expected_figures(seed_text):
    found = numbers(seed_text)
    summary = [(n.text, n.value, n.low, n.kind, n.qualifier, n.counted) for n in found]
    assert summary == [
        ("5,000", 5000, 5000, "cardinal", "exact", "construction workers"),
        ("Thousands", None, 1000, "cardinal", "vague", "workers"),
        ("1,000", 1000, 1000, "cardinal", "exact", "combat engineers"),
        ("Tuesday", None, None, "date", "exact", None),
        ("third", 3, 3, "ordinal", "exact", "visit"),
        ("this year", None, None, "date", "exact", None),
        ("as many as 15,000", 15000, None, "cardinal", "at_most", "North Korean laborers"),
    ]


@pytest.mark.parametrize("piece", ["1,", "1 ", "9,99", "12 345 ", "-1.", "1e", "$1,", "a hundred ", "1 to ", "one, "])
def test_no_catastrophic_backtracking(piece):
    """100 KB of digits, commas and spaces; a quadratic path would take minutes, not seconds."""
    text = piece * (100_000 // len(piece))
    started = time.perf_counter()
    numbers(text)
    assert time.perf_counter() - started < 20


def test_empty_and_figureless_text():
    assert numbers("") == []
    assert numbers("Nothing to count here.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two people died.", ["Two"]),  # a word at the very start of the text
        ("He said “two” people.", ["two"]),  # after a sign that is not ASCII
        ("Über two rooms", ["two"]),
        ("éone people", []),  # inside a word that opens with a letter that is not ASCII
        ("They paid a dollar each.", ["a dollar"]),
        ("They paid a\x1cdollar each.", []),  # "\x1c" is no space to ``regex``, though ``re`` reads it as one
        ("A thousand people came.", ["A thousand"]),  # "thou" also opens a unit name
    ],
)
def test_where_a_word_figure_may_start(text, expected):
    assert [number.text for number in numbers(text)] == expected
