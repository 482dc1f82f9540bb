package io.encaptio.domain.ai;

/**
 * A variant's answers to questions: how many, how many answered (or hedged), feedback given and
 * positive, latency percentiles and total cost.
 */
public record VariantFigures(
    String variant,
    long questions,
    long answered,
    long feedback,
    long positive,
    Integer latencyP50Millis,
    Integer latencyP95Millis,
    long costMicros) {}
