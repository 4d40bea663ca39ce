// Small figures the benchmarks print.

/** The p-th percentile of some timings (nearest rank). */
export const percentile = (values: number[], p: number) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
/** A duration as the benchmarks print it. */
export const ms = (value: number) => `${value.toFixed(1)} ms`;
