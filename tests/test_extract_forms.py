"""Forms of issue 12, one sentence each: what the extractor finds and the value it gives.

(sentence, [(expression, EDTF)]) in text order; every date of the sentence
is listed, so a false hit fails too.  A document date, where needed, is
given as the ``date:`` header line.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_app.extract.extractor import extract_article

FORMS = [
    # ranges with both ends, the era of the second given to the first
    ("Rome fought Carthage from 264 to 146 BC.", [("264", "-0263"), ("146 BC", "-0145")]),
    ("Between 499 and 449 BC the Greeks fought Persia.", [("499", "-0498"), ("449 BC", "-0448")]),
    # qualifiers stay in the span; the value is the unit's, "about" makes it approximate
    ("He returned about 62 BC.", [("about 62 BC", "-0061~")]),
    ("Early 54 BC was quiet.", [("Early 54 BC", "-0053")]),
    ("The layoffs were due by early 2011.", [("early 2011", "2011")]),
    ("The revolt lasted the rest of 53 BC.", [("the rest of 53 BC", "-0052")]),
    ("The winter of 54-53 BC was hard.", [("The winter of 54-53 BC", "-0053-24")]),
    ("It was the most violent of the 20th Century.", [("the 20th Century", "19XX")]),
    # an explicit 4-digit year after a determiner or cue is a date, a count is not
    ("For 1988, the company reported record earnings.", [("1988", "1988")]),
    ("The slowdown would last well into 1990.", [("1990", "1990")]),
    ("Mills close in both 1990 and 1991.", [("1990", "1990"), ("1991", "1991")]),
    ("Net income for fiscal 1989 fell.", [("fiscal 1989", "1989")]),
    ("It broke with the post-1959 habit.", [("1959", "1959")]),
    ("A 2009 analysis found a surplus.", [("2009", "2009")]),
    ("Iraq ended its 1990 invasion.", [("1990", "1990")]),
    ("Lebanon says that 1978 resolution covers the farms.", [("1978", "1978")]),
    ("About 1200 strikers blocked the gates.", []),
    ("Heading\n\n1904\n\nOn 8 February the fleet sailed.", [("1904", "1904"), ("8 February", "1904-02-08")]),
    # languages
    ("Am 4. September 1864 starb er.", [("4. September 1864", "1864-09-04")]),
    ("Der Pakt vom 13. April 1941 galt fünf Jahre.", [("13. April 1941", "1941-04-13")]),
    ("Im März 1862 sprach er.", [("März 1862", "1862-03")]),
    ("Der Verein wurde im Januar 1863 gegründet.", [("Januar 1863", "1863-01")]),
    ("A finales de 1939 las cárceles estaban llenas.", [("finales de 1939", "1939")]),
    ("A inicios de 1941 el hambre era general.", [("inicios de 1941", "1941")]),
    ("Он умер 14 декабря в 1989 году.", [("14 декабря в 1989", "1989-12-14")]),
    ("Le Front populaire gagne le 3 mai 1936.", [("3 mai 1936", "1936-05-03")]),
    # German relatives
    ("Lassalle starb im Jahr 1864. Im folgenden Jahr wuchs der Verein.", [("1864", "1864"), ("Im folgenden Jahr", "1865")]),
    ("Die Partei entstand im Jahre 1869. Zwei Jahre später zog Bebel in den Reichstag.",
     [("1869", "1869"), ("Zwei Jahre später", "1871")]),
    # narrative anchoring
    ("In 1950 war began. The following year the front held; the next year talks opened.",
     [("1950", "1950"), ("The following year", "1951"), ("the next year", "1952")]),
    ("Caesar left in March 58 BC; on 28 March he was at Geneva. That summer he fought; two years later "
     "he crossed the Rhine.",
     [("March 58 BC", "-0057-03"), ("28 March", "-0057-03-28"), ("That summer", "-0057-22"),
      ("two years later", "-0055")]),
    ("Port Arthur fell on 2 January 1905. The next day the garrison left; the same year peace came.",
     [("2 January 1905", "1905-01-02"), ("The next day", "1905-01-03"), ("the same year", "1905")]),
    ("He was born in 1893 and in the spring he left; in March he returned.",
     [("1893", "1893"), ("the spring", "1893-21"), ("March", "1893-03")]),
    ("On 8 February 1904 they attacked. That night the fleet burned; the next morning it sailed.",
     [("8 February 1904", "1904-02-08"), ("That night", "1904-02-08"), ("the next morning", "1904-02-09")]),
    ("The war ended in 1918. A decade later, in 1928, the vote came; two decades later, more.",
     [("1918", "1918"), ("A decade later", "1928"), ("1928", "1928"), ("two decades later", "1948")]),
    ("In March 1905 they recalled the previous winter; in November 1905, the previous summer.",
     [("March 1905", "1905-03"), ("the previous winter", "1904-24"), ("November 1905", "1905-11"),
      ("the previous summer", "1905-22")]),
    # document date
    ("date: 2013-03-22\nStrike\n\nTalks broke down yesterday; they resume next month. Last year the "
     "government promised more, and early December saw blockades. On Friday workers marched.",
     [("yesterday", "2013-03-21"), ("next month", "2013-04"), ("Last year", "2012"),
      ("early December", "2012-12"), ("Friday", "2013-03-15")]),
    ("date: 1991-02-28\nCeasefire\n\nThe council will meet in March and early next week; this week oil fell.",
     [("March", "1991-03"), ("early next week", "1991-03-04/1991-03-10"),
      ("this week", "1991-02-25/1991-03-03")]),
]


@pytest.mark.parametrize("sentence,expected", FORMS, ids=[s[:40] for s, _ in FORMS])
def test_form(sentence, expected):
    text = sentence if sentence.startswith("date:") else "Title\n\n" + sentence
    got = [(m.expression, m.edtf) for m in extract_article("x", text)]
    assert got == expected


NOT_DATES = [
    "After the fall of Constantinople the city changed.",         # "fall": autumn only "in the fall"
    "They met in the Winter Palace.",                            # English seasons are lowercase
    "He wrote a letter to August Bebel.",                        # a month that is a first name
    "In the following years he wrote three books.",              # plural: no one date
    "Two years before the war he moved.",                        # counted from the war, not the text
    "The following decade was calm.",                            # a decade is not one year
]


@pytest.mark.parametrize("sentence", NOT_DATES)
def test_not_a_date_after_a_year(sentence):
    text = "Title\n\nIn 1950 it began. " + sentence
    assert [m.expression for m in extract_article("x", text)] == ["1950"]


_PIECES = ["in", "on", "the", "following", "next", "last", "this", "that", "year", "years", "month", "week",
           "day", "days", "later", "before", "ago", "March", "May", "August", "Friday", "summer", "fall", "of",
           "early", "late", "1956", "56 BC", "28", "3", "two", "Christmas", "yesterday", "im", "Jahr", "später",
           "l'année", "suivante", "w", "maju", "в", "декабре", "году", "1.", "Október", ",", ".", "\n", "date:",
           "2013-03-22", "-", "Zwei", "Jahre"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40), st.booleans())
def test_any_mix_gives_exact_ordered_disjoint_mentions(pieces, dated):
    text = ("date: 2013-03-22\n" if dated else "") + "Title\n\n" + " ".join(pieces)
    mentions = extract_article("x", text, unresolved=True)
    end = 0
    for m in mentions:
        assert text[m.char_start:m.char_end] == m.expression and m.char_start >= end
        end = m.char_end
        assert m.edtf == "" or m.lower <= m.upper
        assert m.anchor == "" or m.anchor == "date:" or text[m.anchor_start:].startswith(m.anchor)
