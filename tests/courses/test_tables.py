"""Tables name each cell's column, so on a phone a row can stack as a card that still reads."""

from courses.content.render import render_markdown


def test_every_body_cell_carries_its_column_name():
    html = render_markdown(
        "| Transport | Latency | Notes |\n|---|---|---|\n| RoCEv2 | 2–5 µs | *Ethernet* |\n"
    ).html
    assert '<td data-label="Transport">RoCEv2</td>' in html
    assert '<td data-label="Latency">2–5 µs</td>' in html
    assert '<td data-label="Notes"><em>Ethernet</em></td>' in html
    assert "<th" in html and "data-label" not in html.split("<tbody>")[0]


def test_a_header_with_markup_gives_its_plain_text():
    html = render_markdown("| **Key** `x` | B |\n|---|---|\n| 1 | 2 |\n").html
    assert '<td data-label="Key x">1</td>' in html
