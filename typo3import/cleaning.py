"""TYPO3 rich text into the news body's blocks.

Headings become heading blocks; paragraphs, lists, links, bold and italic become rich text in
Wagtail's stored format. TYPO3's `<p class="bodytext">`, inline styles, `<font>`, `<span>` and
scripts do not survive. A table becomes rich text, one paragraph per row with its cells joined
(the body has no table block): reported. Links go through a resolver that knows what was
imported (`Links`).

Older TYPO3 rich text writes links as `<link 123 - internal-link "Title">text</link>`; those are
read first and treated like today's `t3://` links.
"""

import html
import re
from urllib.parse import parse_qs, urlparse

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

OLD_LINK = re.compile(r"<link\s+([^>]*)>(.*?)</link>", re.IGNORECASE | re.DOTALL)
DROPPED = {"script", "style", "iframe", "object", "embed", "form", "input", "button", "noscript"}
HEADINGS = {"h1": "h2", "h2": "h2", "h3": "h3", "h4": "h3", "h5": "h3", "h6": "h3"}
INLINE = {"b": "b", "strong": "b", "i": "i", "em": "i"}
BLOCK_TEXT = {"p", "ul", "ol"}
# Attributes TYPO3's editor wrote that carry nothing a reader misses.
HARMLESS_CLASSES = {"bodytext", "contenttable", "internal-link", "external-link",
                    "external-link-new-window", "download", "mail"}


def old_link_target(parameters):
    """The address of an old `<link …>` tag as a `t3://` or plain URL."""
    target = parameters.strip().split()[0] if parameters.strip() else ""
    if target.startswith("file:"):
        return f"t3://file?uid={target[5:]}"
    if target.startswith("record:tx_news:"):
        return f"t3://record?identifier=tx_news&uid={target.rsplit(':', 1)[1]}"
    if re.fullmatch(r"\d+(#\w+)?", target):
        uid, _, anchor = target.partition("#")
        return f"t3://page?uid={uid}" + (f"#{anchor}" if anchor else "")
    if "@" in target and "://" not in target and not target.startswith("mailto:"):
        return f"mailto:{target}"
    return target


def convert_old_links(text):
    return OLD_LINK.sub(
        lambda match: f'<a href="{html.escape(old_link_target(match.group(1)))}">'
                      f"{match.group(2)}</a>", text or "")


def parse_t3(href):
    """("news"|"page"|"file", uid) for a `t3://` link, else None."""
    parsed = urlparse(href)
    if parsed.scheme != "t3":
        return None
    query = parse_qs(parsed.query)
    uid = (query.get("uid") or [""])[0]
    if not uid.isdigit():
        return None
    if parsed.netloc == "record" and (query.get("identifier") or [""])[0] == "tx_news":
        return "news", int(uid)
    if parsed.netloc in ("page", "file"):
        return parsed.netloc, int(uid)
    return None


class Converter:
    """Turns one record's HTML into blocks; `links` answers each link (see `Links.resolve`),
    `warn(message)` records what was changed or lost."""

    def __init__(self, links, warn):
        self.links = links
        self.warn = warn

    def blocks(self, text):
        soup = BeautifulSoup(convert_old_links(text), "html.parser")
        blocks, pending = [], []

        def flush():
            rich = "".join(pending).strip()
            if rich:
                blocks.append(("rich_text", rich))
            pending.clear()

        for node in list(soup.contents):
            if isinstance(node, Comment):
                continue
            # Images in the text (TYPO3's editor wrote <img src="fileadmin/…">) become image
            # blocks after the text they stood in.
            images = [node] if isinstance(node, Tag) and node.name == "img" else (
                node.find_all("img") if isinstance(node, Tag) else [])
            image_blocks = []
            for image in images:
                block = self.links.image(image.get("src", ""), image.get("alt", ""))
                if block is not None:
                    image_blocks.append(("image", block))
                image.extract()
            if image_blocks:
                self.handle(node, blocks, pending, flush)
                flush()
                blocks.extend(image_blocks)
                continue
            self.handle(node, blocks, pending, flush)
        flush()
        return blocks

    def handle(self, node, blocks, pending, flush):
        """One top-level node: a heading block, or rich text added to `pending`."""
        if isinstance(node, NavigableString):
            if node.strip():
                pending.append(f"<p>{self.inline(node)}</p>")
            return
        name = node.name.lower()
        if name == "img":
            return  # taken out as an image block
        if name in DROPPED:
            self.warn(f"<{name}> removed")
        elif name in HEADINGS:
            flush()
            text_value = " ".join(node.get_text(" ").split())
            if text_value:
                blocks.append(("heading", {"text": text_value[:255], "level": HEADINGS[name]}))
        elif name == "table":
            pending.append(self.table(node))
        else:
            pending.append(self.block(node))

    def table(self, node):
        self.warn("table turned into paragraphs (the body has no table block)")
        rows = []
        for row in node.find_all("tr"):
            cells = [self.inline(cell).strip() for cell in row.find_all(["td", "th"])]
            if any(cells):
                rows.append("<p>" + " | ".join(cells) + "</p>")
        return "".join(rows)

    def block(self, node):
        """A block-level element as rich text: p, ul/ol with li; anything else (div,
        blockquote, …) becomes the paragraphs and lists inside it."""
        name = node.name.lower()
        self.check_attributes(node)
        if name in ("ul", "ol"):
            items = "".join(f"<li>{self.inline(li)}</li>"
                            for li in node.find_all("li", recursive=False))
            return f"<{name}>{items}</{name}>" if items else ""
        if name == "p":
            inner = self.inline(node).strip()
            return f"<p>{inner}</p>" if inner else ""
        if name in ("br", "hr"):
            return ""
        if name in DROPPED:
            self.warn(f"<{name}> removed")
            return ""
        parts, loose = [], []
        for child in node.contents:
            if isinstance(child, Tag) and child.name.lower() in BLOCK_TEXT | {"div", "table",
                                                                            "blockquote"}:
                if loose:
                    parts.append(f"<p>{''.join(loose).strip()}</p>")
                    loose = []
                parts.append(self.table(child) if child.name == "table" else self.block(child))
            elif isinstance(child, Tag) and child.name.lower() in HEADINGS:
                parts.append(f"<p><b>{html.escape(child.get_text(' ').strip())}</b></p>")
            else:
                loose.append(self.inline_node(child))
        if "".join(loose).strip():
            parts.append(f"<p>{''.join(loose).strip()}</p>")
        return "".join(parts)

    def check_attributes(self, node):
        classes = set(node.get("class") or [])
        if node.get("style") or (classes - HARMLESS_CLASSES):
            self.warn("inline styles or classes removed")

    def inline(self, node):
        if isinstance(node, NavigableString):
            return html.escape(str(node), quote=False)
        return "".join(self.inline_node(child) for child in node.contents)

    def inline_node(self, node):
        if isinstance(node, Comment):
            return ""
        if isinstance(node, NavigableString):
            return html.escape(" ".join(str(node).split("\n")), quote=False)
        name = node.name.lower()
        if name in DROPPED:
            self.warn(f"<{name}> removed")
            return ""
        if name == "br":
            return "<br/>"
        if name == "font":
            self.warn("<font> removed")
        elif name not in INLINE and name not in ("a", "span", "p", "li", "u", "sup", "sub"):
            self.warn(f"<{name}> removed")
        self.check_attributes(node)
        inner = self.inline(node)
        if name in INLINE:
            return f"<{INLINE[name]}>{inner}</{INLINE[name]}>" if inner.strip() else inner
        if name == "a":
            return self.links.anchor(node.get("href", ""), inner)
        return inner


def text_blocks(text):
    """A plain-text field (a content element's bullets) as paragraphs."""
    return "".join(f"<p>{html.escape(line.strip())}</p>" for line in (text or "").splitlines()
                   if line.strip())
