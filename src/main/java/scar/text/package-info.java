/**
 * How results read as text, and are read back: the one number format ({@link scar.text.Format}) and the Tablesaw
 * columns that print with it ({@link scar.text.Columns}), tables that fit a terminal ({@link scar.text.TextTable}),
 * wrapped text ({@link scar.text.Text}) and the JSON form of results ({@link scar.text.Json}). Every other package may
 * use this one; it uses none of them.
 */
package scar.text;
