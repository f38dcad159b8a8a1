/**
 * The data model and its loaders: a {@link scar.data.Modality} is one n × d float embedding matrix over the items, a
 * {@link scar.data.MultiModalDataset} holds the items' {@link scar.data.ClassLabels}, one or more modalities over the
 * same items and an optional train/test {@link scar.data.Split}. A {@link scar.data.Matrix} lives in the heap, is
 * memory-mapped from a {@code .npy} file, or is a row view (an index list) of another. Loaders are static verbs on
 * small classes: {@link scar.data.DatasetFolder}, {@link scar.data.CsvEmbeddings}, {@link scar.data.Npy},
 * {@link scar.data.JsonLines}, {@link scar.data.Parquet}, {@link scar.data.SklearnCsv}, {@link scar.data.Tables};
 * {@link scar.data.EmbeddingFile} picks one by a file's extension; {@link scar.data.Datasets} loads the bundled
 * datasets by name. {@link scar.data.Memory} checks large allocations against the heap. Every type is immutable and validated on construction; content errors are {@code IllegalArgumentException}s
 * that name the file, line (1-based) or row, column and bad value, and I/O failures are
 * {@code UncheckedIOException}s that name the path.
 */
package scar.data;
