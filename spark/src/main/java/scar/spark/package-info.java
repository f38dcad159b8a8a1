/**
 * SCAR on Apache Spark: the sweep of SPEC §4 as Spark jobs over a cached Parquet file or DataFrame, with the local
 * library's numbers (SPEC §2.3). {@link scar.spark.ScarSpark} holds the notebook functions,
 * {@link scar.spark.SparkMain} the spark-submit entry point; {@link scar.spark.SparkData} reads and caches the items
 * in blocks, {@link scar.spark.SparkStudy} decides the keyed draws, and a package-private sweep runs the passes.
 */
package scar.spark;
