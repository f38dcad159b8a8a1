/**
 * SCAR for Java. {@link scar.Scar} is the notebook facade ({@code import static scar.Scar.*}); the work is done in
 * the subpackages, in the order data flows: {@code data} → {@code probe} → {@code measure} → {@code foundation} →
 * {@code plan}, with {@code cluster} for cross-modal labels and {@code plot}, {@code report}, {@code kernel},
 * {@code cli}, {@code bench} reading the results.
 */
package scar;
