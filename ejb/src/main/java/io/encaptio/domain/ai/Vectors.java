package io.encaptio.domain.ai;

/** Arithmetic of embeddings. */
public final class Vectors {

  private Vectors() {}

  /** The cosine of the angle between two vectors of one model: 1 same direction, 0 unrelated. */
  public static double cosine(float[] a, float[] b) {
    double dot = 0;
    double aa = 0;
    double bb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      aa += a[i] * a[i];
      bb += b[i] * b[i];
    }
    return aa == 0 || bb == 0 ? 0 : dot / Math.sqrt(aa * bb);
  }
}
