package io.encaptio.infrastructure.tika;

import io.encaptio.domain.content.ContentBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads Tika's XHTML into blocks: the title and headings, paragraphs, list items, table rows (cells
 * joined, so a row stays whole), preformatted text and image descriptions; pages (PDF) and slides
 * (PPTX) are counted from Tika's page and slide divisions. Stops at a character limit.
 */
final class BlockHandler extends DefaultHandler {

  private static final Set<String> BLOCKS =
      Set.of("p", "li", "pre", "blockquote", "dt", "dd", "caption", "tr");

  private final List<ContentBlock> blocks = new ArrayList<>();
  private final StringBuilder text = new StringBuilder();
  private final long maxCharacters;
  private long characters;
  private int headingLevel;
  private int page;
  private boolean inRow;

  BlockHandler(long maxCharacters) {
    this.maxCharacters = maxCharacters;
  }

  List<ContentBlock> blocks() {
    flush();
    return blocks;
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes attributes) {
    String name = localName.toLowerCase(Locale.ROOT);
    String cssClass = attributes.getValue("class");
    if ("div".equals(name) && ("page".equals(cssClass) || "slide-content".equals(cssClass))) {
      flush();
      page++;
    } else if (name.length() == 2 && name.charAt(0) == 'h' && Character.isDigit(name.charAt(1))) {
      flush();
      headingLevel = name.charAt(1) - '0';
    } else if ("title".equals(name)) {
      flush();
      headingLevel = 1; // the document's title heads it until its own first heading
    } else if ("tr".equals(name)) {
      flush();
      inRow = true;
    } else if (("td".equals(name) || "th".equals(name)) && inRow && text.length() > 0) {
      text.append(" | ");
    } else if (BLOCKS.contains(name) && !inRow) {
      flush();
    } else if ("img".equals(name)) {
      String alt = attributes.getValue("alt");
      if (alt != null && !alt.isBlank()) {
        flush();
        blocks.add(ContentBlock.body("Image: " + alt.strip(), pageOrNull()));
      }
    } else if ("br".equals(name)) {
      text.append(' ');
    }
  }

  @Override
  public void endElement(String uri, String localName, String qName) {
    String name = localName.toLowerCase(Locale.ROOT);
    if (name.length() == 2 && name.charAt(0) == 'h' && Character.isDigit(name.charAt(1))
        || "title".equals(name)) {
      flush();
    } else if ("tr".equals(name)) {
      inRow = false;
      flush();
    } else if (BLOCKS.contains(name) && !inRow) {
      flush();
    }
  }

  @Override
  public void characters(char[] ch, int start, int length) throws SAXException {
    characters += length;
    if (characters > maxCharacters) {
      throw new SAXException(new TooMuchText(maxCharacters));
    }
    text.append(ch, start, length);
  }

  @Override
  public void ignorableWhitespace(char[] ch, int start, int length) {
    text.append(' ');
  }

  private void flush() {
    String block = text.toString().replaceAll("\\s+", " ").strip();
    text.setLength(0);
    if (!block.isEmpty()) {
      blocks.add(
          headingLevel > 0
              ? ContentBlock.heading(headingLevel, block, pageOrNull())
              : ContentBlock.body(block, pageOrNull()));
    }
    headingLevel = 0;
  }

  private Integer pageOrNull() {
    return page == 0 ? null : page;
  }

  /** The document holds more text than one item may. */
  static final class TooMuchText extends RuntimeException {
    TooMuchText(long limit) {
      super("more than " + limit + " characters");
    }
  }
}
