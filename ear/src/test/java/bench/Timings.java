package bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** A benchmark's timings as one result line: count, median, 95th percentile and maximum. */
final class Timings {

  private Timings() {}

  /**
   * @param micros the timings in microseconds (not changed)
   * @return {@code timer=LABEL n=N p50_ms=.. p95_ms=.. max_ms=..}
   */
  static String line(String label, List<Long> micros) {
    List<Long> sorted = new ArrayList<>(micros);
    Collections.sort(sorted);
    return String.format(
        Locale.ROOT,
        "timer=%s n=%d p50_ms=%.3f p95_ms=%.3f max_ms=%.3f",
        label,
        sorted.size(),
        sorted.get(sorted.size() / 2) / 1000.0,
        sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1) / 1000.0,
        sorted.get(sorted.size() - 1) / 1000.0);
  }
}
