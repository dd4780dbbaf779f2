#!/usr/bin/env python3
"""Checks a rendered report the way a reader would, from the outside.

  check_report.py pages PDF DOCUMENT
      Pagination: no roadmap action card and no domain row starts on one
      page and ends on the next, and no inner page is less than half full
      unless the page after it starts a section that begins a page (the
      appendix) or one that opens with a chart and the paragraphs that
      introduce it, which the PDF keeps together; and the radar chart is
      on the page of the paragraph just before it.  DOCUMENT is the
      --document dump the PDF was set from.

  check_report.py parity PDF HTML DOCUMENT [PERCENT]
      Parity: at least PERCENT (default 95) of the HTML's sentences appear
      in the PDF's text, and the same share the other way round.

  check_report.py chart PDF HTML KIND TEXT...
      Charts: each TEXT is a whole text of the HTML's chart of KIND (radar
      or trend: a <text> of its SVG) and a whole line of the PDF's text.

  check_report.py literals REPORT... -- SOURCE...
      No string literal of four or more words from the C sources appears
      in a rendered report's text.

Prints one line per finding and exits 1 when there is any.
"""
import html.parser
import re
import subprocess
import sys
import xml.etree.ElementTree as ElementTree

DOCUMENT = "{urn:maturity:document:1}"
TOP, BOTTOM = 80.0, 76.0  # the PDF's text block, points from the top and bottom


def normalise(text):
    """Text with typographic variants folded and white space collapsed."""
    text = text.replace("\u00ad", "").replace("\u2019", "'").replace("\u2018", "'")
    text = text.replace("\u201c", '"').replace("\u201d", '"').replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text).strip()


def comparable(text):
    """Text as both media can be compared: without the marks one medium
    draws and the other writes (quotation marks, dashes, bullets, arrows),
    nor the hyphens a PDF's line breaks may drop."""
    text = re.sub(r"(?<=\w)[\u2010\u2011-] (?=\w)", "", normalise(text))
    text = re.sub("[\"\u2014\u2013\u2022\u25b2\u25bc\u2010\u2011-]", "", text)
    return re.sub(r"\s+", " ", text).strip()


def pdf_pages(pdf):
    """Each page's words as (text, y top, y bottom) inside the text block, and
    the page height."""
    output = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True,
                            text=True, check=True).stdout
    pages = []
    for height, body in re.findall(r'<page width="[\d.]+" height="([\d.]+)">(.*?)</page>',
                                   output, re.S):
        words = []
        for top, bottom, word in re.findall(
                r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*?)</word>',
                body):
            top, bottom = float(top), float(bottom)
            if top >= TOP - 2 and bottom <= float(height) - BOTTOM + 2:
                words.append((html.unescape(word), top, bottom))
        pages.append((float(height), words))
    return pages


def page_text(words):
    return normalise(" ".join(word for word, _, _ in words))


def element_text(element, separator=""):
    return normalise(separator.join(element.itertext()))


def find_page(texts, needle, start=0):
    """The first page (index) from start whose text holds needle, or -1."""
    for index in range(start, len(texts)):
        if needle in texts[index]:
            return index
    return -1


def first_words(text, count=5):
    return " ".join(text.split()[:count])


def last_words(text, count=5):
    return " ".join(text.split()[-count:])


def opens_with_chart(section):
    """Whether a section's blocks begin with a chart after at most three
    paragraphs: the PDF keeps those together, so the section may move
    whole to the next page and leave the page before it short."""
    paragraphs = 0
    for block in section:
        name = block.tag.replace(DOCUMENT, "")
        if name in ("eyebrow", "title"):
            continue
        if name == "chart":
            return paragraphs > 0
        if name != "p" or paragraphs == 3:
            return False
        paragraphs += 1
    return False


def check_pages(pdf, document_path):
    problems = []
    pages = pdf_pages(pdf)
    texts = [comparable(page_text(words)) for _, words in pages]
    root = ElementTree.parse(document_path).getroot()

    # Blocks that must not break: each one's first and last words on one page.
    kept = [("card", card, card.find(DOCUMENT + "title"))
            for card in root.iter(DOCUMENT + "card")]
    kept += [("domain row", meter, meter.find(DOCUMENT + "description"))
             for meter in root.iter(DOCUMENT + "meter")]
    position = 0
    for kind, block, anchor in kept:
        start = first_words(comparable(element_text(anchor)))
        end = last_words(comparable(element_text(block, " ")), 3)
        page = find_page(texts, start, position if kind == "card" else 0)
        if page < 0:
            problems.append(f"{kind} \"{start}\" not found in the PDF")
            continue
        if end not in texts[page]:
            problems.append(f"{kind} \"{start}\" starts on page {page + 1} and ends on the next")
        if kind == "card":
            position = page

    # A radar chart on the page of the paragraphs just before it.
    for section in root.iter(DOCUMENT + "section"):
        blocks = list(section)
        for index, block in enumerate(blocks):
            if block.tag != DOCUMENT + "chart" or block.get("kind") != "radar" or index == 0:
                continue
            if blocks[index - 1].tag != DOCUMENT + "p" or block.find(DOCUMENT + "series") is None:
                continue
            before = find_page(texts, first_words(comparable(element_text(blocks[index - 1]))))
            label = comparable(block.find(DOCUMENT + "series").get("label"))
            if before >= 0 and label not in texts[before]:
                problems.append(f"the radar chart is not on page {before + 1} with its introduction")

    # Fill: the share of the text block down to its lowest word.
    new_pages = set()
    for section in root.iter(DOCUMENT + "section"):
        if section.get("break") == "page" or opens_with_chart(section):
            heading = [element_text(section.find(DOCUMENT + name))
                       for name in ("eyebrow", "title") if section.find(DOCUMENT + name) is not None]
            page = find_page(texts, first_words(comparable(" ".join(heading)), 4))
            if page >= 0:
                new_pages.add(page)
    for index, (height, words) in enumerate(pages):
        if index == 0 or index == len(pages) - 1 or index + 1 in new_pages:
            continue
        lowest = max((bottom for _, _, bottom in words), default=TOP)
        fill = (lowest - TOP) / (height - TOP - BOTTOM)
        if fill < 0.5:
            problems.append(f"page {index + 1} is {fill:.0%} full")
    return problems


class HtmlText(html.parser.HTMLParser):
    """The text a reader sees in a page: no head, styles, or hidden parts."""

    SKIP = {"head", "style", "script", "title"}

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.parts = []

    def handle_starttag(self, tag, attributes):
        attributes = dict(attributes)
        if self.depth or tag in self.SKIP or attributes.get("aria-hidden") == "true":
            if tag not in ("br", "img", "meta", "link", "hr", "input"):
                self.depth += 1
        elif tag in ("p", "li", "h1", "h2", "h3", "h4", "dt", "dd", "td", "th", "div",
                     "figcaption", "caption", "footer", "br", "tr", "blockquote", "text"):
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1
        elif tag in ("p", "li", "dd", "td", "th", "div", "h1", "h2", "h3", "h4", "text"):
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.depth:
            self.parts.append(data)


def sentences(blocks):
    """The sentences of the blocks (paragraphs, list items, cells): each
    block split after its full stops, question and exclamation marks; a
    sentence is what ends with one, four words or more."""
    found = set()
    for block in blocks:
        for sentence in re.split(r"(?<=[.!?])\s+", comparable(block)):
            sentence = sentence.strip()
            if len(sentence.split()) >= 4 and sentence[-1] in ".!?":
                found.add(sentence)
    return found


def furniture(document_path):
    root = ElementTree.parse(document_path).getroot()
    parts = root.find(DOCUMENT + "furniture")
    return [normalise(element_text(child)) for child in parts if element_text(child)]


def check_parity(pdf, page, document_path, percent):
    problems = []
    repeated = furniture(document_path)
    lines = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True,
                           check=True).stdout.split("\n")
    kept, blocks, block = [], [], []
    for line in lines + [""]:
        line = normalise(line.replace("\f", ""))
        if not line:
            if block:
                blocks.append(" ".join(block))
            block = []
            continue
        # A numbered list's marker ("1. ") is drawn text in the PDF and a
        # CSS counter in the HTML: it is not part of a sentence of either.
        line = re.sub(r"^\d+\.(\s+|$)", "", line)
        if not line:
            continue
        if re.fullmatch(r"Page \d+ of \d+", line) or any(
                line == text or (line.endswith("\u2026") and text.startswith(line[:-1]))
                for text in repeated):
            continue
        kept.append(line)
        block.append(line)
    pdf_flat = comparable(" ".join(kept))
    parser = HtmlText()
    with open(page, encoding="utf-8") as stream:
        parser.feed(stream.read())
    html_text = "".join(parser.parts)
    html_flat = comparable(html_text)
    pdf_sentences = sentences(blocks)
    html_sentences = sentences(html_text.split("\n"))
    for name, ours, theirs, other in (("HTML", html_sentences, pdf_flat, "PDF"),
                                     ("PDF", pdf_sentences, html_flat, "HTML")):
        missing = sorted(sentence for sentence in ours if sentence not in theirs)
        share = 100.0 * (len(ours) - len(missing)) / max(len(ours), 1)
        if share < percent:
            problems.append(f"{share:.1f}% of the {name}'s {len(ours)} sentences are in the "
                            f"{other} (at least {percent}% wanted); missing:")
            problems.extend(f"  {sentence}" for sentence in missing[:20])
    return problems


def check_literals(reports, sources):
    problems = []
    literals = set()
    for source in sources:
        with open(source, encoding="utf-8") as stream:
            code = re.sub(r"/\*.*?\*/", "", stream.read(), flags=re.S)
        for literal in re.findall(r'"((?:[^"\\\n]|\\.)*)"', code):
            words = re.findall(r"[A-Za-z][A-Za-z'-]*", literal)
            if len(words) >= 4 and "%" not in literal and "{" not in literal:
                literals.add(" ".join(literal.split()))
    for report in reports:
        if report.endswith(".pdf"):
            text = subprocess.run(["pdftotext", report, "-"], capture_output=True, text=True,
                                  check=True).stdout
        else:
            parser = HtmlText()
            with open(report, encoding="utf-8") as stream:
                parser.feed(stream.read())
            text = "".join(parser.parts)
        text = normalise(text)
        for literal in sorted(literals):
            if literal in text:
                problems.append(f"{report}: \"{literal}\" is written in the C sources")
    return problems


def check_chart(pdf, page, kind, texts):
    problems = []
    lines = {normalise(line) for line in subprocess.run(
        ["pdftotext", pdf, "-"], capture_output=True, text=True, check=True).stdout.split("\n")}
    with open(page, encoding="utf-8") as stream:
        markup = stream.read()
    wanted = "chart chart-trend" if kind == "trend" else "chart"
    runs = set()
    for figure in re.findall(r'<figure class="([^"]*)">(.*?)</figure>', markup, re.S):
        if figure[0] == wanted:
            runs |= {normalise(html.unescape(re.sub(r"<[^>]*>", "", run)))
                     for run in re.findall(r"<text\b[^>]*>(.*?)</text>", figure[1], re.S)}
    for text in texts:
        if normalise(text) not in runs:
            problems.append(f"the HTML's {kind} chart has no text \"{text}\"")
        if normalise(text) not in lines:
            problems.append(f"the PDF has no line \"{text}\"")
    return problems


def main(arguments):
    if len(arguments) >= 3 and arguments[0] == "pages":
        problems = check_pages(arguments[1], arguments[2])
    elif len(arguments) >= 4 and arguments[0] == "parity":
        percent = float(arguments[4]) if len(arguments) > 4 else 95.0
        problems = check_parity(arguments[1], arguments[2], arguments[3], percent)
    elif len(arguments) >= 5 and arguments[0] == "chart":
        problems = check_chart(arguments[1], arguments[2], arguments[3], arguments[4:])
    elif len(arguments) >= 4 and arguments[0] == "literals" and "--" in arguments:
        split = arguments.index("--")
        problems = check_literals(arguments[1:split], arguments[split + 1:])
    else:
        sys.stderr.write(__doc__)
        return 2
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
