"""Tables that read on a phone: each cell knows its column's name, so rows can stack as cards."""

import xml.etree.ElementTree as ET

from markdown.treeprocessors import Treeprocessor


class LabelCells(Treeprocessor):
    """Gives every body cell a `data-label` with its column header's text."""

    def run(self, root: ET.Element) -> None:
        for table in root.iter("table"):
            head = table.find("thead/tr")
            if head is None:
                continue
            labels = [" ".join("".join(th.itertext()).split()) for th in head]
            for row in table.iterfind("tbody/tr"):
                for label, cell in zip(labels, row, strict=False):
                    if label:
                        cell.set("data-label", label)
