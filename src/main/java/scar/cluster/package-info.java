/**
 * Cross-modal labels (SPEC §8): seeded k-means on one modality labels the other
 * ({@link scar.cluster.CrossModalLabels}); {@link scar.cluster.Agreement} measures how well such labels match
 * known classes (adjusted Rand index, normalised mutual information).
 */
package scar.cluster;
