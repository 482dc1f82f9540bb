package io.encaptio.infrastructure.tika;

import io.encaptio.domain.content.ContentBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV as blocks: each row one block that names its columns ("Model: X3; Range: 450 km"), so a row
 * found on its own still says what its values are. Quoted fields (RFC 4180) may hold commas, quotes
 * and line breaks.
 */
final class CsvBlocks {

  private CsvBlocks() {}

  static List<ContentBlock> of(String text) {
    List<List<String>> rows = rows(text);
    List<ContentBlock> blocks = new ArrayList<>();
    if (rows.isEmpty()) {
      return blocks;
    }
    List<String> header = rows.get(0);
    for (int r = 1; r < rows.size(); r++) {
      List<String> row = rows.get(r);
      StringBuilder block = new StringBuilder();
      for (int c = 0; c < row.size(); c++) {
        if (row.get(c).isBlank()) {
          continue;
        }
        if (block.length() > 0) {
          block.append("; ");
        }
        String column = c < header.size() ? header.get(c).strip() : "column " + (c + 1);
        block.append(column).append(": ").append(row.get(c).strip());
      }
      if (block.length() > 0) {
        blocks.add(new ContentBlock(block.toString(), 0, null, "row " + (r + 1)));
      }
    }
    return blocks;
  }

  static List<List<String>> rows(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        row.add(field.toString());
        field.setLength(0);
        if (!(row.size() == 1 && row.get(0).isEmpty())) {
          rows.add(row);
        }
        row = new ArrayList<>();
      } else {
        field.append(c);
      }
    }
    if (field.length() > 0 || !row.isEmpty()) {
      row.add(field.toString());
      rows.add(row);
    }
    return rows;
  }
}
