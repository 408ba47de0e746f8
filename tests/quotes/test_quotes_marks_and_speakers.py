"""Quotes: marks in every shape, cues, content, speakers (names, pronouns, carried over)."""

from __future__ import annotations

from newsgraph.quotes.marks import find_quotes
from newsgraph.record import Article, Quote


def speaker_name(art: Article, q: Quote) -> str | None:
    if q.speaker is None or q.speaker.actor is None:
        return None
    a = art.actor(q.speaker.actor)
    return a.name if a else None


def quote_with(art: Article, words: str) -> Quote:
    found = [q for q in art.quotes if words in q.content.text]
    assert found, [q.content.text for q in art.quotes]
    return found[0]


def speaker_text(q: Quote) -> str | None:
    """The speaker span as written ("she", "the governor"), or None."""
    return q.speaker.text if q.speaker is not None else None


def test_sample_quotes_have_the_right_speakers_and_dates(extract, gallant_text: str) -> None:
    art = extract(gallant_text)
    first = quote_with(art, "I just completed a meeting")
    assert (first.kind, speaker_name(art, first), first.cue and first.cue.text, first.date) == (
        "direct",
        "Yoav Gallant",
        "stated",
        "2024-03-26",
    )
    for words in ("We discussed developments", "During our discussion"):  # no cue: speaker carried over
        q = quote_with(art, words)
        assert speaker_name(art, q) == "Yoav Gallant" and q.cue is None
    mixed = quote_with(art, "no moral right")
    assert speaker_name(art, mixed) == "Yoav Gallant" and mixed.date == "2024-03-25"
    kirby = quote_with(art, "would still meet Gallant")
    assert (kirby.kind, speaker_name(art, kirby), kirby.cue and kirby.cue.text) == (
        "indirect",
        "John Kirby",
        "said",
    )


def test_interrupted_quote_is_one_quote_with_two_spans(extract) -> None:
    art = extract('"We will not retreat," Defense Minister Yoav Gallant said, "and we will bring them home."')
    [q] = art.quotes
    assert q.content.spans is not None and len(q.content.spans) == 2
    assert speaker_name(art, q) == "Yoav Gallant"


def test_pronoun_speaker_resolves_to_the_person(extract) -> None:
    art = extract('Senator Elizabeth Warren visited the plant on Monday. "Workers deserve better," she said.')
    q = quote_with(art, "Workers deserve better")
    assert speaker_text(q) == "she" and speaker_name(art, q) == "Elizabeth Warren"


def test_according_to_and_indirect_cues(extract) -> None:
    art = extract(
        "The talks collapsed late on Friday, according to Egyptian officials. Prime Minister Rishi "
        "Sunak warned that the deal was at risk. Kenya's foreign ministry said it would send observers."
    )
    acc = quote_with(art, "The talks collapsed")
    assert acc.cue is not None and acc.cue.text == "according to" and acc.speaker is not None
    assert speaker_name(art, quote_with(art, "the deal was at risk")) == "Rishi Sunak"
    ministry = quote_with(art, "it would send observers")
    assert ministry.kind == "indirect" and ministry.speaker is not None and "ministry" in ministry.speaker.text


def test_mixed_quote(extract) -> None:
    art = extract('Merkel said the agreement was "a historic step" for Europe.')
    q = quote_with(art, "historic step")
    assert q.kind == "mixed" and speaker_name(art, q) == "Merkel"


def test_unbalanced_marks_never_crash_or_swallow_the_article(extract) -> None:
    text = (
        'The mayor said "we are ready.\n\nOfficials said the roads would reopen on Monday.\n\n'
        '"Nobody expected this," the governor said.'
    )
    art = extract(text)
    gov = quote_with(art, "Nobody expected this")
    assert gov.kind == "direct" and speaker_text(gov) == "the governor"
    assert all("roads would reopen" not in q.content.text or q.kind != "direct" for q in art.quotes)


def test_quote_marks_multi_paragraph_nested_and_single() -> None:
    text = (
        'He said: "The first part goes on\n\n"and ends here with \'a nested\' phrase."\n\n'
        "Critics called it ‘a betrayal of voters’ and the company’s plan."
    )
    qs = find_quotes(text)
    assert len(qs) == 2
    assert len(qs[0].parts) == 2 and text[qs[0].end - 1] == '"'
    assert text[qs[1].start : qs[1].end] == "‘a betrayal of voters’"


def test_odd_number_of_marks_in_every_position(extract) -> None:
    for text in [
        '"',
        "“Start without end",
        "End without start”",
        'He said "a" "b" "c',
        '«Bonjour», dit-il. "',
    ]:
        art = extract(text + " The minister said talks would continue.")
        assert isinstance(art.quotes, list)


def test_confidence_is_in_range_and_ranked(extract, gallant_text: str) -> None:
    art = extract(gallant_text)
    assert all(0.0 <= q.confidence <= 1.0 for q in art.quotes)
    with_cue = [q.confidence for q in art.quotes if q.cue is not None and q.kind == "direct"]
    carried = [q.confidence for q in art.quotes if q.cue is None]
    assert min(with_cue) > max(carried)


def test_newswire_doubled_apostrophes_are_quote_marks() -> None:
    text = (
        "The plan was approved last year.\n\n''There's always resistance,'' said Mr. Schmidt. "
        "''The land is being put to better use.''\n\nChina warned of ``new damage'' to relations, "
        "and the voters'' mood soured."
    )
    found = [text[q.start : q.end] for q in find_quotes(text)]
    assert found == [
        "''There's always resistance,''",
        "''The land is being put to better use.''",
        "``new damage''",
    ]


def test_the_quoted_sentence_after_an_attributed_quote_goes_on_with_it(extract) -> None:
    art = extract(
        "The plan was approved last year.\n\n''There's always resistance,'' said Mark Schmidt, who bought "
        "the property in 2014. ''The land is being put to better use.''\n\nThe city council disagreed."
    )
    q = quote_with(art, "always resistance")
    assert speaker_name(art, q) == "Mark Schmidt" and q.kind == "direct"
    assert q.content.spans is not None and len(q.content.spans) == 2
    assert "better use" in q.content.text
    assert "plan was approved" not in q.content.text  # a paragraph break ends the sentence before


def test_a_cue_inside_the_reported_clause_takes_both_parts(extract) -> None:
    art = extract('Vice President Joe Biden, he said, had been in the Senate for "a thousand years."')
    q = quote_with(art, "Joe Biden")
    assert q.content.spans is not None
    assert [q.content.text[s - q.content.start : e - q.content.start] for s, e in q.content.spans] == [
        "Vice President Joe Biden",
        'had been in the Senate for "a thousand years."',
    ]


def test_mixed_and_mistyped_closing_marks() -> None:
    text = 'He said "This is it,” and left. “Apparently not,“ she said. “A “nested” phrase” here.'
    assert [text[q.start : q.end] for q in find_quotes(text)] == [
        '"This is it,”',
        "“Apparently not,“",
        "“A “nested” phrase”",
    ]


def test_a_short_quote_before_its_cue_is_attributed(extract) -> None:
    art = extract(
        "Ed Rendell, one of Clinton's most vocal supporters, was even more resolute.\n\n"
        '"Absolutely not," he said of the possibility of superdelegates switching sides.'
    )
    q = quote_with(art, "Absolutely not")
    assert q.kind == "direct" and speaker_name(art, q) == "Ed Rendell"


def test_a_quote_after_a_parenthetical_adverb_or_a_no_break_space_is_the_cues(extract) -> None:
    art = extract(
        "Emanuel acknowledged, however, “As they say in the stock brochures, past performance is no "
        "indication of future performance.”\n\n"
        "Hayek confirmed she had been and said,\xa0“America has a very severe problem with discrimination.”"
    )
    for words, speaker in (("past performance", "Emanuel"), ("severe problem", "Hayek")):
        q = quote_with(art, words)
        assert q.kind == "direct" and q.content.text.startswith("“"), q
        assert speaker_text(q) == speaker


def test_a_quoted_fragment_inside_the_object_makes_a_mixed_quote(extract) -> None:
    art = extract(
        'Donald Trump attacked former Republican presidential nominee Mitt Romney for being a "failed candidate."'
    )
    q = quote_with(art, "failed candidate")
    assert q.kind == "mixed"
    assert q.content.text.startswith("former Republican presidential nominee Mitt Romney for being")
    # a quotation that is the whole of what was told stays direct
    told = quote_with(extract('The senator told reporters "we will win this fight."'), "we will win")
    assert told.kind == "direct"


def test_inverted_and_colon_attributions_find_their_speaker(extract) -> None:
    art = extract(
        '"Meh," wrote a Trump supporter who runs the Twitter account. "What does Ford know about it?"\n\n'
        "“Having access to the file is valuable,” said Skelly, explaining he worked with them.\n\n"
        '"Do I think that gun dealer should be sued?" Sanders asked rhetorically, shaking his head no.\n\n'
        'She went on: "It is like calling anybody except the plumber."\n\n'
        '"I am not going to say it is a mistake," said retired neurosurgeon Ben Carson, asked about it.\n\n'
        "“We were tremendously wrong not to confront him,” Ramos, 58, told AFP in an interview.\n\n"
        "“It is not the position that everything is hunky-dory,” Gene Sperling, a top outside Clinton "
        "adviser, said at a recent event.\n\n"
        "“Men, you will not cease to exist by taking your partner’s surname,” the “Avatar” star wrote.\n\n"
        "The Slate columnist David Auerbach went so far as to say: ''Twitter as we know it is over.''"
    )
    for words, speaker in (
        ("Meh", "a Trump supporter"),
        ("a mistake", "retired neurosurgeon Ben Carson"),
        ("tremendously wrong", "Ramos"),
        ("Having access", "Skelly"),
        ("gun dealer", "Sanders"),
        ("plumber", "She"),
        ("hunky-dory", "Gene Sperling"),  # the parser hung the quoted words on the name
        ("cease to exist", "the “Avatar” star"),  # marks inside the name stay in it
        ("Twitter as we know it", "The Slate columnist David Auerbach"),  # through "so far as to"
    ):
        q = quote_with(art, words)
        assert q.kind == "direct" and speaker_text(q) == speaker, q
    # the participle is what Sanders did, not what he said
    assert not [q for q in art.quotes if "shaking" in q.content.text]


def test_a_dateline_is_never_a_speaker(extract) -> None:
    art = extract(
        "MYRTLE BEACH, S.C. — Ted Cruz (R-Tex.) went on the attack on Saturday, questioning the "
        "real estate mogul's temperament and judgment.\n\n"
        "WASHINGTON, Aug. 24 (UPI) — A spokesman for Democratic presidential candidate Hillary Clinton called "
        "a report suggesting donors to the Clinton Foundation were granted greater access “outrageous.”"
    )
    datelines = [q for q in art.quotes if q.speaker is not None and q.speaker.text.isupper()]
    assert not datelines, datelines


def test_a_closing_mark_opening_a_paragraph_opens_the_quote() -> None:
    # scraped comment threads: a bidi control character, then ” where “ belongs
    text = "Thanks!\n\n\u202a”This is why ISIS has to be destroyed. They are evil,” said John Krystek."
    assert [text[q.start : q.end] for q in find_quotes(text)] == [
        "”This is why ISIS has to be destroyed. They are evil,”"
    ]


def test_a_quotation_of_another_sentence_is_not_joined_to_the_next(extract) -> None:
    art = extract(
        "He says he respects Clinton and calls her “an extremely intelligent woman with a wonderful resume.” "
        "He adds, “In a campaign things get heated up.”\n\n"
        "“That’s like a bribe, isn’t it?” Trump said, “I think it’s a bribe.”"
    )
    adds = quote_with(art, "heated up")
    assert adds.content.text == "“In a campaign things get heated up.”"
    # a quotation standing as its own sentence before the cue is the same speaker's
    bribe = quote_with(art, "I think")
    assert bribe.content.spans is not None and len(bribe.content.spans) == 2


def test_a_clause_cut_at_an_opening_mark_goes_on_through_the_quotation(extract) -> None:
    art = extract(
        "The test originated with Donald Trump, who proclaimed in July - falsely - that Christians fleeing "
        'Syria "cannot come into this country" but Muslim refugees from Syria "can come in so easily."'
    )
    q = quote_with(art, "Christians fleeing")
    assert q.kind == "mixed" and "cannot come into this country" in q.content.text


def test_the_quote_goes_on_after_a_long_speaker_description(extract) -> None:
    art = extract(
        "''I've been rubbernecking this election,'' said Pierre de Vos, a professor in public law at the "
        "University of Cape Town, who likened the campaign to a car crash. ''It's become my guilty "
        "pleasure, watching for the latest outrageous thing.''"
    )
    q = quote_with(art, "rubbernecking")
    assert q.content.spans is not None and len(q.content.spans) == 2
    assert "guilty pleasure" in q.content.text


def test_a_quoted_sentence_after_reported_speech_goes_on_with_it(extract) -> None:
    art = extract(
        "In response to Sanders' charge, she said she and Obama had made progress in the face of GOP "
        'opposition. "I really believe that the president has done an incredible job against great odds."\n\n'
        "Kelly said they discussed his criticisms of her. The interview aired on “Good Morning America” on Tuesday."
    )
    q = quote_with(art, "made progress")
    assert q.kind == "mixed" and q.content.spans is not None and len(q.content.spans) == 2
    assert "incredible job" in q.content.text
    # a title inside the next sentence is not what was said
    assert not [x for x in art.quotes if "Good Morning America" in x.content.text and "criticisms" in x.content.text]


def test_reported_words_take_in_the_closing_mark_of_their_quotation(extract) -> None:
    art = extract(
        "Obama said that his own pen, which he has used more than any president before him, “has got an eraser.”"
    )
    q = quote_with(art, "eraser")
    assert q.kind == "mixed" and q.content.text.endswith("eraser.”"), q.content.text


def test_transcript_turns_are_attributed_to_their_label(extract) -> None:
    art = extract(
        "Matthews: Well, speculation is bad.\n\n"
        "Lopez: Well, no one is like, ‘My 401(k) is speculation.’ In a way, it gets to be all things to all people.\n\n"
        "Update: This story has been corrected to fix a name."
    )
    turn = quote_with(art, "401(k)")
    assert speaker_text(turn) == "Lopez"
    assert turn.content.text.startswith("Well, no one") and turn.content.text.endswith("all people.")
    assert "Update" not in [speaker_text(q) for q in art.quotes]


def test_a_naming_cue_quotes_whom_and_what(extract) -> None:
    # the parser hangs "For that she drew ire" on "called": the content is still whom and what
    art = extract('For that she drew ire - he called her "weak" and said she had "zero support" in New Hampshire.')
    q = quote_with(art, "weak")
    assert q.kind == "mixed" and q.content.text == 'her "weak"', q.content.text


def test_the_one_asked_is_not_the_asker(extract) -> None:
    art = extract(
        "Asked about Cruz's charges, Rubio said that the reforms did not amount to amnesty.\n\n"
        "Trump asked whether Clinton would release the transcripts."
    )
    # Rubio answered; who asked is not said, so the question has no speaker
    assert not [q for q in art.quotes if "Cruz's charges" in q.content.text and q.speaker is not None]
    assert speaker_text(quote_with(art, "amnesty")) == "Rubio"
    assert speaker_text(quote_with(art, "transcripts")) == "Trump"


def test_right_after_the_quotation_the_one_asking_is_the_speaker(extract) -> None:
    # the parser reads "the boy" as the one asked; with no subject before the cue he is the asker
    art = extract(
        "“How big is that wall?” asked the boy, who was wearing a red hat, as the audience laughed.\n\n"
        "“Are you sure?” Trump asked the reporter."
    )
    assert speaker_text(quote_with(art, "How big")) == "the boy"
    assert speaker_text(quote_with(art, "Are you sure")) == "Trump"


def test_a_quotation_with_its_own_attribution_is_not_taken_by_the_one_before(extract) -> None:
    art = extract(
        "\"I think making a deal would be in Israel's interests,\" Trump told ABC's This Week. \"I'll tell you "
        "what, I don't know one Jewish person that doesn't want a deal,\" the candidate said.\n\n"
        "“I regard Donald as an old friend,” Gingrich told O’Reilly, noting that he and his wife “have "
        "regularly talked with him. I do more of it by email than I do phone.”"
    )
    told = quote_with(art, "Israel's interests")
    assert told.content.spans is None and "Jewish" not in told.content.text
    # a quotation opened after "noting" belongs to that cue, not to "told" before it
    noting = quote_with(art, "by email")
    assert noting.cue is not None and noting.cue.text == "noting"
    assert "old friend" not in noting.content.text


def test_a_cue_after_a_preposition_takes_the_verbs_subject(extract) -> None:
    art = extract(
        'Clinton said, "I do take responsibility." She followed that by saying, "I am not a natural '
        "politician, in case you haven't noticed.\""
    )
    assert speaker_text(quote_with(art, "natural politician")) == "She"


def test_a_reported_clause_the_parser_split_stays_whole(extract) -> None:
    art = extract(
        "Bernie Sanders says his campaign is doing as well at it is because he’s doing something radical: "
        "telling Americans the truth."
    )
    q = quote_with(art, "his campaign")
    assert q.content.text.endswith("telling Americans the truth"), q.content.text


def test_a_speaker_named_only_in_a_modifier_is_someone_else(extract) -> None:
    art = extract(
        "Donald Trump and Hillary Clinton campaigned in Ohio on Monday.\n\n"
        '"Meh," wrote a Trump supporter on Twitter.\n\n'
        '"We are not worried," a Clinton campaign official said.\n\n'
        '"We will win Ohio," Clinton\'s office said in a statement.\n\n'
        '"Ohio is ours," Trump\'s tweet said.\n\n'
        '"It is close," said The Washington Post columnist Ruth Marcus.'
    )
    for words, name in (
        ("Meh", None),  # a supporter of Trump, not Trump
        ("not worried", None),
        ("win Ohio", "Hillary Clinton"),  # her office speaks for her
        ("Ohio is ours", "Donald Trump"),  # so does his tweet
        ("It is close", "Ruth Marcus"),  # the name after the title, not the newspaper before it
    ):
        assert speaker_name(art, quote_with(art, words)) == name, words
