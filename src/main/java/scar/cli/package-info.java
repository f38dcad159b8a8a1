/**
 * The {@code scar} command line (picocli): {@link scar.cli.Main} and one class per subcommand. Commands parse options
 * and call the {@link scar.Scar} facade; only {@link scar.cli.Main} turns exceptions into a one-line message and an
 * exit code. {@link scar.cli.ScarMagic} runs the same commands in a notebook cell ({@code %scar}).
 */
package scar.cli;
