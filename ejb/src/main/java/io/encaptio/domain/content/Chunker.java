package io.encaptio.domain.content;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;

/**
 * Structure-aware, token-bounded chunking. Blocks of one section (under the same headings) and page
 * are joined until the next would overflow the budget; a heading or a new page always starts a new
 * chunk, and the headings name the section (heading path) of the chunks under them; a block too
 * long for one chunk is split at sentence ends, a sentence too long at words. Consecutive chunks of
 * one section share their last sentences up to the overlap, so an answer that straddles a boundary
 * is found in both.
 */
public final class Chunker {

  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?;:])\\s+");
  private static final String PATH_SEPARATOR = " › ";

  private final ToIntFunction<String> tokens;
  private final int maxTokens;
  private final int overlapTokens;

  /**
   * @param tokens counts the model's tokens in a text
   * @param maxTokens the most tokens of a chunk including its heading path (below the model's
   *     window)
   * @param overlapTokens how much of a section's previous chunk the next one repeats
   */
  public Chunker(ToIntFunction<String> tokens, int maxTokens, int overlapTokens) {
    if (overlapTokens >= maxTokens / 2) {
      throw new IllegalArgumentException("The overlap must stay below half the chunk size");
    }
    this.tokens = tokens;
    this.maxTokens = maxTokens;
    this.overlapTokens = overlapTokens;
  }

  public List<ChunkDraft> chunk(List<ContentBlock> blocks) {
    Run run = new Run();
    for (ContentBlock block : blocks) {
      String text = block.text() == null ? "" : block.text().strip();
      if (text.isEmpty()) {
        continue;
      }
      if (block.isHeading()) {
        run.flush(false);
        run.enter(block.headingLevel(), text);
      } else {
        run.add(text, block);
      }
    }
    run.flush(false);
    return run.chunks;
  }

  /** The chunks made so far and the one being filled. */
  private final class Run {
    final List<ChunkDraft> chunks = new ArrayList<>();
    final Deque<String[]> headings = new ArrayDeque<>(); // {level, text}, outermost first
    final List<String> pieces = new ArrayList<>();
    int used;
    int pathTokens;
    Integer page;
    String position;

    void enter(int level, String heading) {
      while (!headings.isEmpty() && Integer.parseInt(headings.peekLast()[0]) >= level) {
        headings.removeLast();
      }
      headings.addLast(new String[] {String.valueOf(level), heading});
      String path = path();
      pathTokens = path.isEmpty() ? 0 : tokens.applyAsInt(path) + 1;
    }

    String path() {
      return String.join(PATH_SEPARATOR, headings.stream().map(h -> h[1]).toList());
    }

    int budget() {
      return maxTokens - pathTokens;
    }

    void add(String text, ContentBlock block) {
      int size = tokens.applyAsInt(text);
      if (size > budget()) {
        for (Piece piece : split(text)) {
          place(piece.text(), piece.tokens(), block);
        }
      } else {
        place(text, size, block);
      }
    }

    void place(String text, int size, ContentBlock block) {
      if (!pieces.isEmpty() && !Objects.equals(page, block.page())) {
        flush(false); // a chunk stays on one page or slide, so its citation names one
      } else if (!pieces.isEmpty() && used + size > budget()) {
        flush(true);
      }
      if (pieces.isEmpty() || page == null) {
        page = block.page();
        position = block.position();
      }
      pieces.add(text);
      used += size;
    }

    /** Ends the current chunk; with {@code overlap}, the next starts with its last sentences. */
    void flush(boolean overlap) {
      if (pieces.isEmpty()) {
        return;
      }
      String text = String.join("\n", pieces);
      chunks.add(new ChunkDraft(chunks.size(), text, path(), page, position));
      pieces.clear();
      used = 0;
      if (overlap) {
        List<String> tail = tail(text);
        pieces.addAll(tail);
        tail.forEach(sentence -> used += tokens.applyAsInt(sentence));
      } else {
        page = null;
        position = null;
      }
    }

    /** The last sentences of a text that fit the overlap. */
    List<String> tail(String text) {
      String[] sentences = SENTENCE_END.split(text);
      Deque<String> tail = new ArrayDeque<>();
      int size = 0;
      for (int i = sentences.length - 1; i > 0; i--) {
        int sentence = tokens.applyAsInt(sentences[i]);
        if (size + sentence > overlapTokens) {
          break;
        }
        tail.addFirst(sentences[i]);
        size += sentence;
      }
      return new ArrayList<>(tail);
    }

    /**
     * A block too long for one chunk: whole sentences where they fit, else runs of words. Counts
     * add up across whitespace (the tokenizer splits on it first), so each sentence and word is
     * counted once.
     */
    List<Piece> split(String text) {
      List<Piece> pieces = new ArrayList<>();
      int budget = budget();
      StringBuilder current = new StringBuilder();
      int currentTokens = 0;
      for (String sentence : SENTENCE_END.split(text)) {
        int size = tokens.applyAsInt(sentence);
        if (size > budget) {
          if (current.length() > 0) {
            pieces.add(new Piece(current.toString(), currentTokens));
            current.setLength(0);
            currentTokens = 0;
          }
          pieces.addAll(words(sentence, budget));
          continue;
        }
        if (current.length() > 0 && currentTokens + size > budget) {
          pieces.add(new Piece(current.toString(), currentTokens));
          current.setLength(0);
          currentTokens = 0;
        }
        current.append(current.length() == 0 ? "" : " ").append(sentence);
        currentTokens += size;
      }
      if (current.length() > 0) {
        pieces.add(new Piece(current.toString(), currentTokens));
      }
      return pieces;
    }

    List<Piece> words(String sentence, int budget) {
      List<Piece> pieces = new ArrayList<>();
      StringBuilder current = new StringBuilder();
      int currentTokens = 0;
      for (String word : sentence.split("\\s+")) {
        int size = tokens.applyAsInt(word);
        if (current.length() > 0 && currentTokens + size > budget) {
          pieces.add(new Piece(current.toString(), currentTokens));
          current.setLength(0);
          currentTokens = 0;
        }
        current.append(current.length() == 0 ? "" : " ").append(word);
        currentTokens += size;
      }
      if (current.length() > 0) {
        pieces.add(new Piece(current.toString(), currentTokens));
      }
      return pieces;
    }
  }

  /** A part of a block with its token count, counted once. */
  private record Piece(String text, int tokens) {}
}
