package dev.nemo.probe;

import java.util.List;

/** Rows decided before anything is sent ({@code preflight}) and the requests to send ({@code targets}). */
public record ProbePlan(List<ProbeResult> preflight, List<ProbeTarget> targets) {
}
