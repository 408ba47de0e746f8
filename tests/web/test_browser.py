"""The web UI in a real browser: highlights at the record's offsets, a quote to its speaker's page,
search opening at the passage, the network and the events behind a tie, and a correction made by a
signed-in user and seen in the page and the record."""

from __future__ import annotations

import json
import re
import urllib.request

from newsgraph.record import Article

from .conftest import TOKEN

# every highlighted piece of the text with the parts it belongs to, in page order
PIECES_JS = """() => {
  const root = document.getElementById('text');
  const out = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let n;
  while ((n = walker.nextNode())) {
    const seg = n.parentElement.closest('.seg');
    out.push([n.data, seg && root.contains(seg) ? seg.dataset.parts.split(' ') : []]);
  }
  return out;
}"""


def api(server: str, path: str) -> dict:
    with urllib.request.urlopen(server + path) as r:  # noqa: S310  (our own loopback server)
        return json.loads(r.read())


def expected_parts(art: Article) -> dict[str, tuple[int, int]]:
    """Each highlight the page must show, named as the page names it, at the record's offsets."""
    want: dict[str, tuple[int, int]] = {}
    for a in art.actors:
        for i, m in enumerate(a.mentions):
            want[f"mention:{a.id}:{i}"] = (m.start, m.end)
    for q in art.quotes:
        for j, (s, e) in enumerate(q.content.parts()):
            want[f"content:{q.id}:{j}"] = (s, e)
        if q.speaker:
            want[f"speaker:{q.id}"] = (q.speaker.start, q.speaker.end)
        if q.cue:
            want[f"cue:{q.id}"] = (q.cue.start, q.cue.end)
    for e in art.events:
        want[f"trigger:{e.id}"] = (e.trigger.start, e.trigger.end)
    for n, t in enumerate(art.timexes):
        want[f"timex:{n}"] = (t.start, t.end)
    return {k: v for k, v in want.items() if v[0] < v[1]}


def test_the_article_page_highlights_every_item_at_its_offsets(page, server, sample_id, screenshot) -> None:
    art = Article.from_dict(api(server, f"/articles/{sample_id}"))
    page.goto(f"{server}/ui/articles/{sample_id}")
    pieces = page.evaluate(PIECES_JS)
    assert "".join(text for text, _ in pieces) == art.text  # the page's characters are the record's
    found: dict[str, list[tuple[int, int]]] = {}
    pos = 0
    for text, parts in pieces:
        for key in parts:
            found.setdefault(key, []).append((pos, pos + len(text)))
        pos += len(text)
    shown: dict[str, tuple[int, int]] = {}
    for key, runs in found.items():
        if key.startswith(("outside", "passage")):
            continue
        assert all(a[1] == b[0] for a, b in zip(runs, runs[1:], strict=False)), f"{key} is cut in two"
        shown[key] = (runs[0][0], runs[-1][1])
    assert shown == expected_parts(art)
    assert len(shown) > 40
    # clicking a trigger opens its event: type, source, date, confidence and why
    event = art.events[0]
    page.locator(f'.seg[data-parts~="trigger:{event.id}"]').first.click()
    card = page.locator(f'[data-item="event:{event.id}"]')
    assert card.is_visible()
    text = card.inner_text()
    assert event.type in text and f"{event.confidence:.2f}" in text and "Why" in text
    assert art.actor(event.source[0]).name in text
    quote = next(q for q in art.quotes if q.kind == "direct" and q.speaker)
    page.goto(f"{server}/ui/articles/{sample_id}#item=quote:{quote.id}")
    page.evaluate("window.scrollTo(0, 0)")
    assert page.locator(f'[data-item="quote:{quote.id}"]').is_visible()
    screenshot(page, "screenshot-article.png")


def test_a_quote_leads_to_its_speakers_page_and_back_to_the_evidence(page, server, sample_id) -> None:
    art = Article.from_dict(api(server, f"/articles/{sample_id}"))
    quote = next(q for q in art.quotes if q.speaker and q.speaker.actor)
    speaker = art.actor(quote.speaker.actor)
    page.goto(f"{server}/ui/articles/{sample_id}")
    only_quote = page.locator(f'#text .seg[data-items="quote:{quote.id}"]').first
    only_quote.click()
    card = page.locator(f'[data-item="quote:{quote.id}"]')
    assert card.is_visible() and speaker.name in card.locator(".speaker").inner_text()
    assert page.locator(f'#text .seg.selected[data-parts~="content:{quote.id}:0"]').count() >= 1
    card.locator(".speaker a.entry").click()
    page.wait_for_url(re.compile(r"/ui/actors/\d+$"))
    entry = int(page.url.rsplit("/", 1)[1])
    detail = api(server, f"/actors/{entry}")
    assert page.locator("#actor-name").inner_text().startswith(detail["name"])
    assert speaker.name in page.locator(".variants").inner_text()
    back = page.locator(f'#timeline a.evidence[href$="#item=quote:{quote.id}"]')
    assert back.count() == 1
    back.click()
    page.wait_for_url(re.compile(re.escape(sample_id)))
    assert page.locator(f'[data-item="quote:{quote.id}"]').is_visible()


def test_search_opens_the_article_at_the_matching_passage(page, server) -> None:
    page.goto(f"{server}/ui/")
    box = page.locator('header input[name="q"]')
    box.fill("hostages")
    box.press("Enter")
    page.wait_for_url(re.compile(r"/ui/search\?q=hostages"))
    hits = page.locator("#hits .hit")
    assert hits.count() == len(api(server, "/search?q=hostages")["items"]) > 1
    assert "hostages" in page.locator("#hits mark").first.inner_text().lower()
    page.locator("#hits .hit.kind-article a.open").first.click()
    page.wait_for_url(re.compile(r"/ui/articles/.+\?hl=\d+-\d+#passage"))
    passage = page.locator("#text .seg.hl-passage")
    assert passage.count() >= 1
    assert "hostage" in "".join(passage.all_inner_texts()).lower()
    top = page.evaluate("document.getElementById('passage').getBoundingClientRect().top")
    assert 0 <= top <= page.viewport_size["height"]  # scrolled to the passage
    page.go_back()
    page.locator("#hits .hit.kind-quote a.open").first.click()
    page.wait_for_url(re.compile(r"#item=quote:q\d+"))
    assert page.locator("#panel .card.kind-quote:not([hidden])").count() == 1


def test_the_network_draws_the_ties_and_opens_the_events_behind_one(page, server, screenshot) -> None:
    net = api(server, "/network")
    page.goto(f"{server}/ui/network")
    assert page.locator("#network a.node").count() == len(net["nodes"])
    assert page.locator("#network a.tie").count() == len(net["edges"])
    screenshot(page, "screenshot-network.png")
    tie = page.locator("#network a.tie.cooperation").first
    source, target = (int(x) for x in tie.get_attribute("data-tie").split("-"))
    tie.locator("line.hit").dispatch_event("click")
    page.wait_for_url(re.compile(rf"tie={source}-{target}"))
    behind = api(server, f"/network/ties/{source}/{target}")["items"]
    rows = page.locator("#tie-events tbody tr")
    assert rows.count() == len(behind) >= 1
    page.locator("#tie-events a.evidence").first.click()
    page.wait_for_url(re.compile(r"#item=event:e\d+"))
    assert page.locator("#panel .card.kind-event:not([hidden])").count() == 1
    # filtered by type: only conflict ties stay when asked for
    page.goto(f"{server}/ui/network?kind=conflict")
    conflict = api(server, "/network?kind=conflict")
    assert page.locator("#network a.tie").count() == len(conflict["edges"])


def test_a_signed_in_user_corrects_an_event_and_sees_it(page, server, sample_id, browser_context) -> None:
    art = Article.from_dict(api(server, f"/articles/{sample_id}"))
    event = art.events[0]
    new_type = "ACCUSE" if event.type != "ACCUSE" else "AGREE"
    page.goto(f"{server}/ui/articles/{sample_id}#item=event:{event.id}")
    assert page.locator("form.correct").count() == 0  # read-only until signed in
    page.goto(f"{server}/ui/signin?next=/ui/")
    page.fill('input[name="name"]', "Ada Analyst")
    page.fill('input[name="token"]', "not-the-token")
    page.click('form.signin button[type="submit"]')
    assert "[E603]" in page.locator("#error-message").inner_text()
    page.fill('input[name="name"]', "Ada Analyst")
    page.fill('input[name="token"]', TOKEN)
    page.click('form.signin button[type="submit"]')
    page.wait_for_url(re.compile(r"/ui/$"))
    assert page.locator("header .user").inner_text() == "Ada Analyst"
    page.goto(f"{server}/ui/articles/{sample_id}#item=event:{event.id}")
    card = page.locator(f'[data-item="event:{event.id}"]')
    card.locator("summary").click()
    form = card.locator("form.correct")
    form.locator('select[name="field"]').select_option("type")
    form.locator('select[name="type"]').select_option(new_type)
    form.locator('input[name="note"]').fill("the minister accuses, he does not meet")
    form.locator('button[type="submit"]').click()
    card = page.locator(f'[data-item="event:{event.id}"] .correction')
    card.wait_for()
    shown = card.inner_text()
    assert f"Type → {new_type}" in shown and "by Ada Analyst" in shown
    assert page.locator(f'#text .seg.is-corrected[data-parts~="trigger:{event.id}"]').count() >= 1
    record = api(server, f"/articles/{sample_id}")
    [c] = [c for c in record["corrections"] if c["item"]["id"] == event.id]
    assert (c["field"], c["value"], c["user"]) == ("type", new_type, "Ada Analyst")
    # the wrong value is refused in the page with the API's message
    actor = next(a for a in art.actors if a.mentions)
    page.goto(f"{server}/ui/articles/{sample_id}#item=actor:{actor.id}")
    card = page.locator(f'[data-item="actor:{actor.id}"]')
    card.locator("summary").click()
    card.locator('select[name="field"]').select_option("country")
    card.locator('input[name="country"]').fill("ZZZ")
    card.locator('button[type="submit"]').click()
    error = card.locator("form.correct .error")
    error.wait_for()
    assert "[E412]" in error.inner_text()
    browser_context.clear_cookies()
