package io.fulcrum.engine.measure;

import java.util.Arrays;

/**
 * Profit and loss outcomes in money (positive = gain), one per scenario or day. Losses are {@code
 * -pnl}.
 */
public record PnlVector(double[] pnl) implements MeasureInput {

  public PnlVector {
    if (pnl == null || pnl.length == 0) {
      throw new IllegalArgumentException("pnl must not be empty");
    }
    for (int i = 0; i < pnl.length; i++) {
      if (!Double.isFinite(pnl[i])) {
        throw new IllegalArgumentException(
            "pnl[" + i + "] must be a finite number but was " + pnl[i]);
      }
    }
    pnl = pnl.clone();
  }

  public static PnlVector of(double... pnl) {
    return new PnlVector(pnl);
  }

  @Override
  public double[] pnl() {
    return pnl.clone();
  }

  public int size() {
    return pnl.length;
  }

  @Override
  public String summary() {
    return "pnl n=" + pnl.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PnlVector other && Arrays.equals(pnl, other.pnl);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(pnl);
  }

  @Override
  public String toString() {
    return "PnlVector[n=" + pnl.length + "]";
  }
}
