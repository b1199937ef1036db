"""A glossary term's definition where the term is first used: a native popover, no script."""

import xml.etree.ElementTree as ET
from dataclasses import dataclass

import markdown

TIP_CLASSES = {"term-tip", "tip-term", "tip-def", "tip-links"}


@dataclass(frozen=True, kw_only=True)
class TermTip:
    """What the definition shown in place says and links to."""

    term: str
    """The term as the glossary writes it."""
    definition_html: str
    """Its definition, sanitized HTML."""
    glossary_href: str
    """The term's entry on the glossary page."""
    taught_href: str
    """The heading that teaches it."""
    taught_label: str
    """That section, in words ("section 2: Network Policies and Isolation")."""


def tip_nodes(md: markdown.Markdown, tip: TermTip, term_id: str, text: str) -> list[ET.Element]:
    """A button named by the term as written, and the popover span it opens (phrasing content)."""
    tip_id = f"tip-{term_id}"
    button = ET.Element("button", {"type": "button", "class": "term", "popovertarget": tip_id})
    button.text = text
    box = ET.Element("span", {"class": "term-tip", "id": tip_id, "popover": ""})
    name = ET.SubElement(box, "span", {"class": "tip-term"})
    name.text, name.tail = tip.term, " "
    # The definition is already sanitized HTML: stashed, the serializer leaves it as it is.
    definition = ET.SubElement(box, "span", {"class": "tip-def"})
    definition.text, definition.tail = md.htmlStash.store(tip.definition_html), " "
    links = ET.SubElement(box, "span", {"class": "tip-links"})
    taught = ET.SubElement(links, "a", {"href": tip.taught_href})
    taught.text = f"Taught in {tip.taught_label}"
    taught.tail = " · "
    ET.SubElement(links, "a", {"href": tip.glossary_href}).text = "Glossary entry"
    return [button, box]
