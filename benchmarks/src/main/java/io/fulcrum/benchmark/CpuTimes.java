package io.fulcrum.benchmark;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.IntConsumer;

/** What the CPU-time harnesses ({@link DecisionCpuTime}, {@link BookCpuTime}) measure with. */
final class CpuTimes {

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private CpuTimes() {}

  /** CPU microseconds and bytes allocated per call of this thread, over {@code count} calls. */
  static double[] measure(IntConsumer task, int count) {
    long id = Thread.currentThread().getId();
    long bytes = THREADS.getThreadAllocatedBytes(id);
    long cpu = THREADS.getCurrentThreadCpuTime();
    for (int i = 0; i < count; i++) {
      task.accept(i);
    }
    long cpuNs = THREADS.getCurrentThreadCpuTime() - cpu;
    long allocated = THREADS.getThreadAllocatedBytes(id) - bytes;
    return new double[] {cpuNs / 1e3 / count, (double) allocated / count};
  }

  /** CPU nanoseconds of every live thread of the process. */
  static long totalCpu() {
    return Arrays.stream(THREADS.getAllThreadIds())
        .map(THREADS::getThreadCpuTime)
        .filter(t -> t > 0)
        .sum();
  }

  static void print(String name, double us, double baseline, double bytes) {
    System.out.printf(Locale.ROOT, "%-40s %10.2f %10.1f %,12.0f%n", name, us, us / baseline, bytes);
  }

  static double median(double[][] rows, int column) {
    double[] v = Arrays.stream(rows).mapToDouble(r -> r[column]).sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  static String loadAverage() {
    return String.format(
        Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }
}
