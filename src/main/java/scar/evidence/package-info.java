/**
 * Held-out evidence beside SCAR's numbers: what every fit of the sweep scores on the held-out items, the learning
 * curves it traces, their extrapolation with bootstrap intervals and a back-test, the items the full-data probe gets
 * wrong, and exact duplicates that would leak between training and held-out items. Pure arithmetic on counts and
 * logits; the sweep ({@code scar.foundation}) collects the inputs.
 */
package scar.evidence;
