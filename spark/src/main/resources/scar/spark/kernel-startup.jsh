// The "Java (SCAR + Spark)" kernel's own imports, run right after the SCAR kernel's (kernel/startup.jsh); one
// snippet per line. Spark's Row is imported by name: the kernel's tech.tablesaw.api.* also has a Row, and with two
// on-demand imports of one name, Dataset<Row> would not compile. Tablesaw's stays reachable as tech.tablesaw.api.Row.
// Not org.apache.spark.sql.functions.* statically: its version() would make the kernel's version() (scar.Scar's)
// ambiguous.
import org.apache.spark.sql.*;
import org.apache.spark.sql.Row;
